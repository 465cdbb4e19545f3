//! The checks of exercise 2 (`fetch_user`), run against your file, the reference solution and
//! the course's typical wrong answers.
//!
//! Rule table: each clause of the stub's contract, the check(s) that test it, and the inputs
//! that make a near miss fail.
//!
//! | # | contract clause | check(s) | inputs that catch near misses |
//! |---|-----------------|----------|-------------------------------|
//! | 1 | one GET per call to `{base_url}/users/{id}`, the base URL's path kept, through `client` | `asks_base_url_users_id_once`, seeded scenarios | base URLs with a path (`/api/v1`, `/api`, `/v3`): `Url::join` leaves it; a tagged client: `Client::new()`, `reqwest::get` |
//! | 2 | no retry, on failures too | `a_404_is_not_found_with_the_id_asked_for`, `every_other_error_status_is_server_with_that_status`, `no_answer_is_unreachable`, seeded scenarios | request counts after each 404, 4xx, 5xx and dropped connection |
//! | 3 | `Ok(user)`, every field as sent, for any 2xx with a user body | `returns_the_user_whole`, `any_success_status_is_read_as_a_user` | users 3 and 9 compared whole; user 8 answered for `/users/7` is `Ok(user 8)` (calling it NotFound fails); a 203 with user 4 (an `== 200` test fails it) |
//! | 4 | 404 → `NotFound(id)`, the id asked for, whatever the body | `a_404_is_not_found_with_the_id_asked_for` | ids 11 and 13 (no such user), user 4 answered 404 on purpose, a 404 whose body is HTML, a 404 whose body is a whole user (decoding before the status gives `Ok`) |
//! | 5 | every other 4xx and 5xx → `Server(status)`, that status exactly, whatever the body | `every_other_error_status_is_server_with_that_status`, seeded scenarios | a 404 and a 503 whose bodies break off a few bytes in (reading an error body with `?` first turns them into `Unreachable`), 400, 403, 408 and 504 (statuses, not timeouts: not `Unreachable`), 410 (not `NotFound`), 429, 500, 502, 503, and a 503 / 500 whose body is text or HTML, 599 and 420 (no standard reason phrase: an `expect` on `canonical_reason()` panics); a 401 last ("not allowed to see it" read as NotFound fails) |
//! | 6 | no answer → `Unreachable(err)`: refused, dropped, timed out | `no_answer_is_unreachable`, seeded scenarios | a port where nothing listens (at `localhost`, through a client that counts its connection attempts: a retry is counted), a connection dropped before the answer, a server slower than the client's timeout |
//! | 7 | a 2xx body that is not a user → `BadBody(err)`, a decode error | `a_body_that_is_not_a_user_is_a_bad_body` | `{"id": 1}`, `[]`, HTML, `null`, an empty body and JSON cut off by the server itself (whole answers: reading serde's `is_eof()` as a broken connection files them as `Unreachable`), a user whose `lat` is a number |
//! | 8 | a body that stops before its end (cut, or stalled past the timeout) → `Unreachable(err)`, not `BadBody` (reqwest 0.13 calls both a decode error: only a parse failure has a `serde_json::Error` source) | `a_body_cut_short_is_unreachable` | a server that closes after part of the body, one that stalls: `is_decode()` and `map_err(BadBody)` fail |
//! | 8b | any id is asked for, 0 included; no encoding asked for that the client cannot read | `user_0_is_asked_for_in_a_body_the_client_can_read` (last) | user 0 on a server that gzips its answer when `Accept-Encoding` asks for gzip or `*` (406 for `identity;q=0`), as JSONPlaceholder does: `NotFound(0)` without a request fails, so does an `Accept-Encoding: gzip, deflate` set by hand (the course's reqwest has no `gzip` feature) |
//! | 9 | never a panic | every check (a panic is reported as such) | all of the above |
//! | 9b | a `base_url` that is no URL is an `Err`, no panic | `a_base_url_that_is_no_url_is_an_err` | `127.0.0.1:{port}`, its scheme left out, a server listening there: `Url::parse(base_url).expect(..)` panics; `http://` put in front reaches the server |
//!
//! Out of the contract: `base_url` ends without a `/`; an unfollowed 3xx (reqwest follows
//! redirects) is not checked.

#[path = "solution.rs"]
mod reference;

use std::time::Duration;

use lesson_support::models::User;
use lesson_support::testing::{Exercise, Verdict, is_tagged, server_answering, tagged_client};
use lesson_support::testing::{
    RawAnswerServer, count_of_times, cut_short, request_lines, tagged_client_builder,
};
use mock_server::{Arrival, Fault, FaultEffect, FaultSelect, Latency, MockApi, SeededRng};
use reqwest::{Client, StatusCode};
use wiremock::ResponseTemplate;

use crate::UserError;

pub const EXERCISE: Exercise = Exercise {
    number: 2,
    file: "lessons/lesson-02/src/exercises/fetch_user.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, u64) -> Result<User, UserError>;
    asks_base_url_users_id_once,
    returns_the_user_whole,
    a_404_is_not_found_with_the_id_asked_for,
    every_other_error_status_is_server_with_that_status,
    any_success_status_is_read_as_a_user,
    a_body_that_is_not_a_user_is_a_bad_body,
    no_answer_is_unreachable,
    a_body_cut_short_is_unreachable,
    agrees_with_the_reference_on_seeded_scenarios,
    a_base_url_that_is_no_url_is_an_err,
    // Last: only answers right about everything above reach it.
    user_0_is_asked_for_in_a_body_the_client_can_read,
}

/// The timeout of the client the checks give when the server is too slow for it (3 s) or
/// stalls. A busy machine cannot turn it into a false failure: if even the head of the answer
/// comes later than this, the request times out in `send()`, which is `Unreachable` as well.
const SHORT_TIMEOUT: Duration = Duration::from_millis(200);

/// Names the variant of a result, for messages.
fn variant(result: &Result<User, UserError>) -> String {
    match result {
        Ok(user) => format!("Ok(user {})", user.id),
        Err(UserError::NotFound(id)) => format!("Err(NotFound({id}))"),
        Err(UserError::Server(status)) => format!("Err(Server({status}))"),
        Err(UserError::Unreachable(err)) => format!("Err(Unreachable({}))", kind(err)),
        Err(UserError::BadBody(err)) => format!("Err(BadBody({}))", kind(err)),
    }
}

/// What kind of reqwest error `err` is, in a few words.
fn kind(err: &reqwest::Error) -> String {
    if let Some(status) = err.status() {
        format!("a status error, {status}")
    } else if err.is_timeout() {
        "a timeout".to_owned()
    } else if err.is_connect() {
        "a connection error".to_owned()
    } else if std::error::Error::source(err).is_some_and(|s| s.is::<serde_json::Error>()) {
        "a decode error from the JSON parser".to_owned()
    } else if err.is_decode() || err.is_body() {
        "an error reading the body".to_owned()
    } else {
        "an error sending the request".to_owned()
    }
}

/// What user `id` holds in the course's data set (read from a fresh server).
async fn expected_user(id: u64) -> Result<User, String> {
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    reference::fetch_user(&client, &api.uri(), id)
        .await
        .map_err(|err| format!("the check's own server failed to give user {id}: {err}"))
}

/// A client like [`tagged_client`], with a short timeout.
fn impatient_client(base_url: &str) -> Result<Client, String> {
    tagged_client_builder(base_url)
        .timeout(SHORT_TIMEOUT)
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))
}

/// Checks that the requests one call sent are exactly one GET to `{base_url}/users/{id}`, and
/// says which part of the rule is broken if not.
fn one_get_to_the_user(
    arrivals: &[Arrival],
    base_url: &str,
    base_path: &str,
    id: u64,
    answer: &str,
) -> Result<(), String> {
    let expected = format!("{base_path}/users/{id}");
    let [arrival] = arrivals else {
        if arrivals.is_empty() {
            return Err(EXERCISE.fail(&format!(
                "asked for user {id} with the base URL {base_url}, no request reached that \
                 server: build the URL from `base_url` (format!(\"{{base_url}}/users/{{id}}\")) \
                 instead of a fixed address"
            )));
        }
        return Err(EXERCISE.fail(&format!(
            "asked for user {id} once, the server (answering {answer}) received {} requests: \
             {:?}; one call sends exactly one GET {expected}, even when the answer is an \
             error: the caller decides whether to try again",
            arrivals.len(),
            request_lines(arrivals)
        )));
    };
    let path = arrival.path.as_str();
    if arrival.method != "GET" {
        return Err(EXERCISE.fail(&format!(
            "asked for user {id}, the server received {} {path}; reading a user is a GET",
            arrival.method
        )));
    }
    if path == expected {
        return Ok(());
    }
    let Some(rest) = path
        .strip_prefix(base_path)
        .filter(|rest| rest.starts_with('/'))
    else {
        return Err(EXERCISE.fail(&format!(
            "asked with a base URL ending in {base_path} ({base_url}), the request went to \
             {path}, outside it; expected GET {expected}: keep the base URL whole, path \
             included, and append `/users/{{id}}` to it"
        )));
    };
    if let Some(asked) = rest
        .strip_prefix("/users/")
        .and_then(|n| n.parse::<u64>().ok())
    {
        return Err(EXERCISE.fail(&format!(
            "asked for user {id}, the request asked for user {asked} (GET {path}); expected \
             GET {expected}: use `id` in the path, unchanged"
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked for user {id} with the base URL {base_url}, the request went to {path}; \
         expected GET {expected}: the URL is `{{base_url}}/users/{{id}}`, exactly, with one \
         `/` between the base URL and `users`"
    )))
}

/// One GET per call, to `{base_url}/users/{id}`, the base URL's path kept, through the client
/// given.
pub async fn asks_base_url_users_id_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let api = MockApi::builder().base_path("/api/v1").start().await;
    let client = tagged_client(&api.uri());

    let _ = EXERCISE.run(candidate(&client, &api.uri(), 3)).await?;

    let arrivals = api.arrivals();
    one_get_to_the_user(&arrivals, &api.uri(), api.base_path(), 3, "200 with user 3")?;
    if arrivals.iter().all(|a| is_tagged(&a.headers)) {
        Ok(())
    } else {
        Err(EXERCISE.fail(
            "the request did not come from the `client` you were given: use `client.get(…)`, \
             not `reqwest::get` or a new `Client`",
        ))
    }
}

/// Users 3 and 9 come back whole, every field as the server sent it.
pub async fn returns_the_user_whole<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let api = MockApi::builder().base_path("/api").start().await;
    let client = tagged_client(&api.uri());
    for id in [3, 9] {
        let expected = expected_user(id).await?;

        let before = api.arrivals().len();
        let result = EXERCISE.run(candidate(&client, &api.uri(), id)).await?;

        one_get_to_the_user(
            &api.arrivals()[before..],
            &api.uri(),
            api.base_path(),
            id,
            "200",
        )?;
        match result {
            Ok(user) if user == expected => {}
            Ok(user) => {
                return Err(EXERCISE.fail(&format!(
                    "asked for user {id}, got {user:?}; the server sent {expected:?}: decode \
                     the body into `User` as it is (`.json::<User>()`)"
                )));
            }
            other => {
                return Err(EXERCISE.fail(&format!(
                    "user {id} exists (the server answered 200 with it), yet the result is {}",
                    variant(&other)
                )));
            }
        }
    }
    another_users_body_is_that_user(candidate).await
}

/// A 200 whose body is another user (user 8 for `/users/7`) is that user, `Ok`: whether it is
/// the one wanted is the caller's business, and it is not a 404.
async fn another_users_body_is_that_user<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let user_8 = expected_user(8).await?;
    let server = server_answering(ResponseTemplate::new(200).set_body_json(&user_8)).await;
    let client = tagged_client(&server.uri());
    let result = EXERCISE.run(candidate(&client, &server.uri(), 7)).await?;
    match result {
        Ok(user) if user == user_8 => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "asked for user 7, the server answered 200 with user 8; expected Ok(user 8), as the \
             server sent it, got {}: `NotFound` is for a 404, and a success's body is the answer",
            variant(&other)
        ))),
    }
}

/// A 404 is `NotFound` with the id asked for, whatever the body, after one request.
pub async fn a_404_is_not_found_with_the_id_asked_for<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    // 11 and 13 do not exist; 4 does, but the server answers 404 for it on purpose.
    let api = MockApi::builder()
        .base_path("/api/v1")
        .fault(Fault {
            select: FaultSelect::Ids(vec![4]),
            effect: FaultEffect::Status(404),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    for id in [11, 4, 13] {
        let before = api.arrivals().len();
        let result = EXERCISE.run(candidate(&client, &api.uri(), id)).await?;
        one_get_to_the_user(
            &api.arrivals()[before..],
            &api.uri(),
            api.base_path(),
            id,
            "404 Not Found",
        )?;
        not_found(id, "`{}`", &result)?;
    }

    let html = "<html><body><h1>404 Not Found</h1></body></html>";
    let server = server_answering(ResponseTemplate::new(404).set_body_raw(html, "text/html")).await;
    let result = EXERCISE.run(candidate(&client, &server.uri(), 17)).await?;
    not_found(17, html, &result)?;

    // A 404 whose body is a user, whole (a server that sends the last version it had): the
    // status decides, not whether the body decodes.
    let user = api_user(3).await?;
    let body = serde_json::to_string(&user).map_err(|err| format!("a user serializes: {err}"))?;
    let server =
        server_answering(ResponseTemplate::new(404).set_body_raw(body.clone(), "application/json"))
            .await;
    let result = EXERCISE.run(candidate(&client, &server.uri(), 19)).await?;
    not_found(19, &format!("user 3's JSON, {body}"), &result)
}

/// User `id` as the course's mock serves it.
async fn api_user(id: u64) -> Result<User, String> {
    let api = MockApi::start().await;
    // Run alone, this may build the process's first client: reqwest needs the TLS provider.
    lesson_support::client::install_tls_provider();
    reqwest::get(format!("{}/users/{id}", api.uri()))
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|err| format!("the course's mock: {err}"))?
        .json::<User>()
        .await
        .map_err(|err| format!("the course's mock: {err}"))
}

/// Whether `result` is `NotFound(id)`, for a 404 whose body is `body`.
fn not_found(id: u64, body: &str, result: &Result<User, UserError>) -> Verdict {
    match result {
        Err(UserError::NotFound(got)) if *got == id => Ok(()),
        Err(UserError::NotFound(got)) => Err(EXERCISE.fail(&format!(
            "the server answered 404 for user {id}; expected Err(NotFound({id})), the id \
             asked for, got Err(NotFound({got}))"
        ))),
        Ok(_) => Err(EXERCISE.fail(&format!(
            "the server answered 404 for user {id} (body {body}), and the result is {}: the \
             body was decoded without looking at the status first, and a 404 is `NotFound` \
             whatever its body holds. Check `response.status()` before reading the body",
            variant(result)
        ))),
        Err(UserError::BadBody(_)) => Err(EXERCISE.fail(&format!(
            "the server answered 404 for user {id} (body {body}), and the result is {}: the \
             body was decoded without looking at the status first. Check `response.status()` \
             before reading the body",
            variant(result)
        ))),
        other => Err(EXERCISE.fail(&format!(
            "the server answered 404 Not Found for user {id}; expected Err(NotFound({id})), \
             got {}",
            variant(other)
        ))),
    }
}

/// Every other 4xx and 5xx is `Server` with that status, whatever the body, after one request.
pub async fn every_other_error_status_is_server_with_that_status<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    // (id, status); users 1 to 10 exist, and each of these fails on purpose.
    // 408 and 504 are statuses the server sent, not a timeout of the client's.
    let cases: [(u64, u16); 10] = [
        (2, 503),
        (3, 400),
        (4, 408),
        (5, 403),
        (6, 410),
        (7, 429),
        (8, 500),
        (9, 504),
        (10, 502),
        // "Unauthorized" is not "no such user": only a 404 is NotFound.
        (1, 401),
    ];
    let mut builder = MockApi::builder().base_path("/v3");
    for (id, status) in cases {
        builder = builder.fault(Fault {
            select: FaultSelect::Ids(vec![id]),
            effect: if status == 429 {
                FaultEffect::TooManyRequests {
                    retry_after: Duration::from_secs(1),
                }
            } else {
                FaultEffect::Status(status)
            },
        });
    }
    let api = builder.start().await;
    let client = tagged_client(&api.uri());
    for (id, status) in cases {
        let status = StatusCode::from_u16(status).map_err(|err| err.to_string())?;
        let before = api.arrivals().len();
        let result = EXERCISE.run(candidate(&client, &api.uri(), id)).await?;
        one_get_to_the_user(
            &api.arrivals()[before..],
            &api.uri(),
            api.base_path(),
            id,
            &status.to_string(),
        )?;
        server_error(id, status, "`{}`", &result)?;
    }

    // Then statuses with no standard reason phrase (`canonical_reason()` is `None`).
    for (status, body) in [
        (503, "Service Unavailable: try again later"),
        (500, "<html><body>Internal Server Error</body></html>"),
        (599, "network connect timeout"),
        (420, "enhance your calm"),
        (499, "client closed request"),
    ] {
        let server =
            server_answering(ResponseTemplate::new(status).set_body_raw(body, "text/plain")).await;
        let result = EXERCISE.run(candidate(&client, &server.uri(), 1)).await?;
        let status = StatusCode::from_u16(status).map_err(|err| err.to_string())?;
        server_error(1, status, body, &result)?;
    }
    an_error_status_whose_body_breaks_off_is_still_that_status(candidate).await
}

/// An error status is known from the head: a 404 or a 503 whose body then breaks off (the
/// server closes the connection after a few bytes of it) is `NotFound` or `Server` all the
/// same, after one request; reading the body first loses the status.
async fn an_error_status_whose_body_breaks_off_is_still_that_status<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    for status in [404, 503] {
        let server = RawAnswerServer::start(cut_short(status), false).await?;
        let client = tagged_client(&server.url);
        let result = EXERCISE.run(candidate(&client, &server.url, 1)).await?;
        let received = server.requests();
        let answered = format!(
            "the server answered {status} and closed the connection a few bytes into its body"
        );
        if received != 1 {
            return Err(EXERCISE.fail(&format!(
                "{answered}; it received {received} requests, expected one: no retry"
            )));
        }
        match (&result, status) {
            (Err(UserError::NotFound(1)), 404) => {}
            (Err(UserError::Server(got)), 503) if got.as_u16() == 503 => {}
            (other, _) => {
                let expected = if status == 404 {
                    "Err(NotFound(1))"
                } else {
                    "Err(Server(503 Service Unavailable))"
                };
                return Err(EXERCISE.fail(&format!(
                    "{answered}; expected {expected}, got {}: the status is in the head, whatever \
                     becomes of the body, so decide from it before reading the body (an error \
                     answer's body is not needed)",
                    variant(other)
                )));
            }
        }
    }
    Ok(())
}

/// Whether `result` is `Server(status)`, for an error status other than 404 whose body is
/// `body`.
fn server_error(
    id: u64,
    status: StatusCode,
    body: &str,
    result: &Result<User, UserError>,
) -> Verdict {
    let class = if status.is_server_error() {
        "a 5xx is the server failing"
    } else {
        "a 4xx other than 404 is a request the server refused"
    };
    match result {
        Err(UserError::Server(got)) if *got == status => Ok(()),
        Err(UserError::Server(got)) => Err(EXERCISE.fail(&format!(
            "the server answered {status} for user {id}; expected Err(Server({status})), the \
             status as received, got Err(Server({got}))"
        ))),
        Err(UserError::NotFound(_)) => Err(EXERCISE.fail(&format!(
            "the server answered {status} for user {id}, and the result is {}: only a 404 \
             means \"no such user\"; {class}. Return Server(status) for it",
            variant(result)
        ))),
        Err(UserError::BadBody(_)) => Err(EXERCISE.fail(&format!(
            "the server answered {status} for user {id} (body {body}), and the result is {}: \
             every 4xx and 5xx is an error status, decided from the status alone; {class}. \
             Return Server(status) for it without reading the body",
            variant(result)
        ))),
        other => Err(EXERCISE.fail(&format!(
            "the server answered {status} for user {id}; expected Err(Server({status})), got {}",
            variant(other)
        ))),
    }
}

/// A success status other than 200 (a 203 from a proxy) with a user in the body is `Ok`.
pub async fn any_success_status_is_read_as_a_user<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let expected = expected_user(4).await?;
    let server = server_answering(ResponseTemplate::new(203).set_body_json(&expected)).await;
    let client = tagged_client(&server.uri());
    match EXERCISE.run(candidate(&client, &server.uri(), 4)).await? {
        Ok(user) if user == expected => {}
        other => Err(EXERCISE.fail(&format!(
            "the server answered 203 Non-Authoritative Information, a success status, with \
             user 4 in the body; expected Ok(user 4), got {}: every 2xx is a success, and only \
             4xx and 5xx are error statuses (`is_client_error()`, `is_server_error()`)",
            variant(&other)
        )))?,
    }
    // The label is not the body: user 4 labelled `text/html` is user 4.
    let body = serde_json::to_string(&expected).map_err(|err| err.to_string())?;
    let server = server_answering(ResponseTemplate::new(200).set_body_raw(body, "text/html")).await;
    match EXERCISE.run(candidate(&client, &server.uri(), 4)).await? {
        Ok(user) if user == expected => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "the server answered 200 with user 4 in the body, labelled `Content-Type: \
             text/html`; expected Ok(user 4), got {}: a success's body is decoded whatever its \
             label says (`.json()` does not look at it)",
            variant(&other)
        ))),
    }
}

/// A 200 whose body is not a user is `BadBody`, carrying the decode error.
pub async fn a_body_that_is_not_a_user_is_a_bad_body<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let mut wrong_type = serde_json::to_value(expected_user(1).await?)
        .map_err(|err| format!("the check could not encode user 1: {err}"))?;
    wrong_type["address"]["geo"]["lat"] = serde_json::json!(-37.3159);
    let wrong_type = wrong_type.to_string();
    // An empty body and JSON the server itself cut off arrive whole too: serde's `is_eof()`
    // says where the text ended, not that the connection did.
    // (status, content type, body): a 204 No Content is a success with an empty body, not
    // "no such user"; an HTML page labelled `text/html` is a body that is not a user, not a
    // server error, whatever the label suggests.
    let json = "application/json";
    let bodies = [
        (200, json, r#"{"id": 1}"#),
        (200, json, "[]"),
        (200, json, "<html><body>User 1</body></html>"),
        (200, json, ""),
        (200, json, "null"),
        (200, json, r#"{"id": 1, "name": "Leanne"#),
        (200, json, wrong_type.as_str()),
        (204, json, ""),
        (
            200,
            "text/html",
            "<html><body>Down for maintenance</body></html>",
        ),
    ];
    let client = tagged_client("http://127.0.0.1");
    for (status, content_type, body) in bodies {
        let server = server_answering(
            ResponseTemplate::new(status).set_body_raw(body.to_owned(), content_type),
        )
        .await;
        let result = EXERCISE.run(candidate(&client, &server.uri(), 1)).await?;
        let shown = if body.len() > 60 {
            "user 1 with `lat` sent as a number, not a string".to_owned()
        } else if status == 204 {
            "a 204 No Content: a success whose body is empty".to_owned()
        } else if body.is_empty() {
            "an empty body, Content-Length: 0".to_owned()
        } else if content_type != json {
            format!("{body}, labelled `Content-Type: {content_type}`")
        } else {
            body.to_owned()
        };
        match &result {
            Err(UserError::BadBody(err))
                if std::error::Error::source(err).is_some_and(|s| s.is::<serde_json::Error>()) => {}
            Err(UserError::BadBody(err)) => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {status} with a body that is not a user ({shown}); \
                     the result is BadBody, but it carries {} instead of the JSON decode error: \
                     pass on the error that `.json::<User>()` gave",
                    kind(err)
                )));
            }
            other => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {status}, a success, with a body that is not a user \
                     ({shown}); expected Err(BadBody(..)) carrying the decode error, got {}: \
                     a success's body is decoded whatever its status or label, and a body \
                     that is not a user is BadBody",
                    variant(other)
                )));
            }
        }
    }
    Ok(())
}

/// No answer at all is `Unreachable` with reqwest's error: nothing listens, the connection
/// drops before the answer, the answer comes after the client's timeout. One request each.
pub async fn no_answer_is_unreachable<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    // Named `localhost`, through a client that counts the connections it tries: no server can
    // count a second try after a refused connection, the client can.
    let base_url = lesson_support::testing::refused_localhost_url();
    let (client, attempts) = lesson_support::testing::counting_client(&base_url);
    match EXERCISE.run(candidate(&client, &base_url, 1)).await? {
        Err(UserError::Unreachable(err)) if err.is_connect() && attempts.get() > 1 => {
            return Err(EXERCISE.fail(&format!(
                "nothing listens at `base_url` (the connection is refused), and the client tried \
                 to connect {}: no retry, whatever the failure (the caller decides whether to try \
                 again); a refused connection is `Unreachable` after one try",
                lesson_support::testing::count_of_times(attempts.get())
            )));
        }
        Err(UserError::Unreachable(err)) if err.is_connect() => {}
        other => {
            return Err(EXERCISE.fail(&format!(
                "nothing listens at `base_url` (the connection is refused); expected \
                 Err(Unreachable(..)) carrying the connection error, got {}",
                variant(&other)
            )));
        }
    }

    let api = MockApi::builder()
        .base_path("/api")
        .fault(Fault {
            select: FaultSelect::Ids(vec![5]),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let result = EXERCISE.run(candidate(&client, &api.uri(), 5)).await?;
    one_get_to_the_user(
        &api.arrivals(),
        &api.uri(),
        api.base_path(),
        5,
        "by closing the connection",
    )?;
    match &result {
        Err(UserError::Unreachable(_)) => {}
        other => {
            return Err(EXERCISE.fail(&format!(
                "the server closed the connection without answering (asked for user 5); \
                 expected Err(Unreachable(..)), got {}: no answer arrived, so it is \
                 Unreachable, whatever kind of error `send()` gave",
                variant(other)
            )));
        }
    }

    let api = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(Duration::from_secs(3)))
        .start()
        .await;
    let client = impatient_client(&api.uri())?;
    match EXERCISE.run(candidate(&client, &api.uri(), 6)).await? {
        Err(UserError::Unreachable(err)) if err.is_timeout() => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "the server takes 3 s to answer, and the client you were given gives up after {} \
             ms; expected Err(Unreachable(..)) carrying the timeout, got {}: no answer \
             arrived in time, so it is Unreachable",
            SHORT_TIMEOUT.as_millis(),
            variant(&other)
        ))),
    }
}

/// A body that stops before its end (the connection closes, or the server stalls past the
/// client's timeout) is `Unreachable`: the answer never arrived whole. It is not `BadBody`.
pub async fn a_body_cut_short_is_unreachable<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let part = r#"{"id": 1, "name": "Le"#;
    let head_and_part = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{part}"
    );
    // Closed, to the course's client; closed, to a client with no timeout at all (the caller
    // chooses the client, and the error it gives then has another cause); stalled.
    for (stall, timed) in [(false, true), (false, false), (true, true)] {
        let server = RawAnswerServer::start(head_and_part.clone(), stall).await?;
        let client = if stall {
            impatient_client(&server.url)?
        } else if timed {
            tagged_client(&server.url)
        } else {
            untimed_client()?
        };
        let what = if stall {
            format!(
                "then stalled past the client's timeout ({} ms)",
                SHORT_TIMEOUT.as_millis()
            )
        } else if timed {
            "then closed the connection".to_owned()
        } else {
            "then closed the connection (the client had no timeout of its own)".to_owned()
        };
        let result = EXERCISE.run(candidate(&client, &server.url, 1)).await?;
        let received = server.requests();
        if received != 1 {
            return Err(EXERCISE.fail(&format!(
                "the server answered 200 with the first {} of 400 bytes of its body, {what}; \
                 it received {received} requests, expected one: no retry",
                part.len()
            )));
        }
        match &result {
            Err(UserError::Unreachable(_)) => {}
            other => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered 200 with the first {} of 400 bytes of its body, \
                     {what}; expected Err(Unreachable(..)), got {}: the answer never \
                     arrived whole, which is not the same as a body that is not a user. \
                     reqwest 0.13 reports both as a decode error (`is_decode()` is true for \
                     both); only a body that failed to parse has a `serde_json::Error` as its \
                     `source()`",
                    part.len(),
                    variant(other)
                )));
            }
        }
    }
    Ok(())
}

/// A client with no timeout at all (`Client::builder()` as it comes), marked as the checks'.
fn untimed_client() -> Result<Client, String> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        lesson_support::testing::CLIENT_TAG_HEADER,
        reqwest::header::HeaderValue::from_static("given-to-the-exercise"),
    );
    lesson_support::client::install_tls_provider();
    Client::builder()
        .default_headers(headers)
        .no_proxy()
        // Plain HTTP to this machine only: no root certificates to load.
        .tls_certs_only([])
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))
}

/// A server under `base_path` that fails each `(id, effect)` of `faults` that way.
async fn server_with_faults(base_path: &str, faults: &[(u64, FaultEffect)]) -> MockApi {
    let mut builder = MockApi::builder().base_path(base_path);
    for (id, effect) in faults {
        builder = builder.fault(Fault {
            select: FaultSelect::Ids(vec![*id]),
            effect: effect.clone(),
        });
    }
    builder.start().await
}

/// Whether two results are the same variant carrying the same data (for errors from reqwest,
/// the same kind of error).
fn same(got: &Result<User, UserError>, want: &Result<User, UserError>) -> bool {
    match (got, want) {
        (Ok(a), Ok(b)) => a == b,
        (Err(UserError::NotFound(a)), Err(UserError::NotFound(b))) => a == b,
        (Err(UserError::Server(a)), Err(UserError::Server(b))) => a == b,
        (Err(UserError::Unreachable(_)), Err(UserError::Unreachable(_))) => true,
        (Err(UserError::BadBody(a)), Err(UserError::BadBody(b))) => a.is_decode() == b.is_decode(),
        _ => false,
    }
}

/// Seeded scenarios: a base path, 11 or 13 ids (unsorted, repeated, some with no such user,
/// some failing with a chosen status or a dropped connection), asked one after another. The
/// candidate and the reference solution, each against its own identical server, must give
/// the same results and send the same requests.
pub async fn agrees_with_the_reference_on_seeded_scenarios<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let client = tagged_client("http://127.0.0.1");
    for seed in [5, 23, 71] {
        let mut rng = SeededRng::new(seed);
        let base_path = rng.pick(&["/api", "/api/v1", "/v3"]);
        let count = rng.pick(&[11, 13]);
        let mut ids: Vec<u64> = (0..count).map(|_| rng.between(1, 14)).collect();
        ids.push(ids[rng.between(0, ids.len() as u64 - 1) as usize]);
        rng.shuffle(&mut ids);
        let mut faults: Vec<(u64, FaultEffect)> = Vec::new();
        for &id in &ids {
            if rng.chance(0.4) && !faults.iter().any(|(f, _)| *f == id) {
                let effect = match rng.pick(&[400, 403, 404, 410, 429, 500, 502, 503, 0]) {
                    0 => FaultEffect::DropConnection,
                    status => FaultEffect::Status(status),
                };
                faults.push((id, effect));
            }
        }
        let (theirs, ours) = (
            server_with_faults(base_path, &faults).await,
            server_with_faults(base_path, &faults).await,
        );
        let described: Vec<String> = faults
            .iter()
            .map(|(id, effect)| format!("user {id}: {effect}"))
            .collect();
        let scenario = format!(
            "scenario seed {seed}: base URL ending in {base_path}, ids {ids:?} asked one after \
             another (users 1 to 10 exist), the server failing {described:?}"
        );
        for &id in &ids {
            let result = EXERCISE.run(candidate(&client, &theirs.uri(), id)).await?;
            let expected = reference::fetch_user(&client, &ours.uri(), id).await;
            if !same(&result, &expected) {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}: for user {id} the result is {}; expected {}",
                    variant(&result),
                    variant(&expected)
                )));
            }
        }
        let (got, want) = (
            request_lines(&theirs.arrivals()),
            request_lines(&ours.arrivals()),
        );
        if got != want {
            let times = |list: &[String], request: &str| {
                list.iter().filter(|r| r.as_str() == request).count()
            };
            let detail = want
                .iter()
                .chain(&got)
                .find(|r| times(&got, r) != times(&want, r))
                .map(|r| {
                    format!(
                        "the server received {r} {}, expected {} (one per call)",
                        count_of_times(times(&got, r)),
                        count_of_times(times(&want, r))
                    )
                })
                .unwrap_or_else(|| format!("the requests came as {got:?}, expected {want:?}"));
            return Err(EXERCISE.fail(&format!(
                "{scenario}: {detail}; each call sends its own GET {{base_url}}/users/{{id}}, \
                 whether or not the same id was asked before"
            )));
        }
    }
    Ok(())
}

/// User 0 is a user like any other when the server has one, asked for with one GET; and the
/// request asks for no encoding the client cannot read (the server gzips when asked, as
/// JSONPlaceholder does, and the course's reqwest has no `gzip` feature).
pub async fn user_0_is_asked_for_in_a_body_the_client_can_read<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let mut user = expected_user(4).await?;
    user.id = 0;
    let json = serde_json::to_vec(&user)
        .map_err(|err| EXERCISE.fail(&format!("the check could not encode a user: {err}")))?;
    let server = lesson_support::testing::compressing_when_asked(json).await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let result = EXERCISE.run(candidate(&client, &base_url, 0)).await?;
    let requests = server.received_requests().await.unwrap_or_default();
    let paths: Vec<String> = requests
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    if paths != ["GET /api/users/0"] {
        return Err(EXERCISE.fail(&format!(
            "asked for user 0 on a server that has one, the server received {paths:?} and the \
             result was {}: one GET {{base_url}}/users/{{id}} per call, whatever the id (0 \
             included: whether a user exists is the server's to say)",
            variant(&result)
        )));
    }
    if matches!(&result, Ok(got) if *got == user) {
        return Ok(());
    }
    let asked: Vec<String> = requests
        .iter()
        .filter_map(|request| request.headers.get("accept-encoding"))
        .map(|value| value.to_str().unwrap_or("?").to_owned())
        .collect();
    Err(EXERCISE.fail(&format!(
        "the server compresses user 0 when a request asks for it, as JSONPlaceholder does; your \
         request's Accept-Encoding was {asked:?}, and the result was {}, where Ok(user 0) was \
         expected: ask for no encoding the client cannot read. The course's reqwest is built \
         without its `gzip` feature, so nothing decompresses the body; the client sends the \
         Accept-Encoding it can read",
        variant(&result)
    )))
}

/// A base URL that is no URL (its scheme left out, `lesson_support::testing::NotAUrl`) is an
/// `Err`, the one `send()` gives: no panic on the way to building the URL.
pub async fn a_base_url_that_is_no_url_is_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let not_a_url = lesson_support::testing::NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = tagged_client("http://127.0.0.1");
    let result = EXERCISE.run(candidate(&client, no_url, 3)).await?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    match result {
        Err(_) => Ok(()),
        Ok(user) => Err(EXERCISE.fail(&format!(
            "the base URL was {no_url:?}, which is no URL (no scheme), yet the result is \
             Ok(user {}): a base URL that is no URL is an Err",
            user.id
        ))),
    }
}
