//! The checks of exercise 1 (`fetch_post`), run against your file, the reference solution and
//! the course's typical wrong answers.
//!
//! Rule table: each clause of the stub's contract, the check(s) that test it, and the inputs
//! that make a near miss fail.
//!
//! | # | contract clause | check(s) | inputs that catch near misses |
//! |---|-----------------|----------|-------------------------------|
//! | 1 | the URL is `{base_url}/posts/{id}`, the base URL's path kept whole | `asks_base_url_posts_id_once`, `agrees_with_the_reference_on_seeded_scenarios` | base URLs with a path (`/api/v1`, `/Blog/V2`: lowering the URL fails, `/api`, `/blog/v2`): `Url::join("/posts/7")` and `join("posts/7")` leave it; a `//posts/7` is told apart from a wrong id; a base URL with no path at all (`http://127.0.0.1:PORT`), where a URL built from the parsed base's `path()` (`/`) asks for `//posts/7` |
//! | 2 | exactly that URL: nothing added, no query string | every check through `one_get_to_the_post` | the arrival's path is compared with its query string: a cache-busting `?_=<timestamp>` is named as an added query, not as a wrong `/` |
//! | 3 | the id in the path is the `id` argument, unchanged | `asks_base_url_posts_id_once`, `returns_the_post_whole`, seeded scenarios | ids 7, 23, 58 and seeded ids up to 110 (not 1, not a round number): a constant, `id - 1`, a clamp to 100 |
//! | 4 | exactly one GET per call, no retry, no cache | `asks_base_url_posts_id_once` (two calls for post 7 at once, 200 ms answers: two GETs; a single flight shared between calls fails), `an_error_status_is_an_err_carrying_it` and `an_error_answer_whose_body_is_a_post_is_still_an_err` (counts on failures), `a_200_that_is_not_a_post_is_an_err` (counts on every body), seeded scenarios (repeated ids) | 4xx/5xx answers (a retry shows as two arrivals), each body that is not a post and post 8 for `/posts/7` (asking again with `.json()` to get a decode error, or because the id differs, shows as two), the same id asked for again in one scenario (a cache shows as a missing arrival) |
//! | 4b | no cache, not even a revalidating one | `asks_again_with_no_cache` (last) | post 12 with an `ETag`, a `Last-Modified` and `Cache-Control: max-age=60`, asked twice: two GETs, neither carrying `If-None-Match` or `If-Modified-Since` |
//! | 5 | sent through `client` | `uses_the_client_it_was_given` | a tagged client: `reqwest::get`, `Client::new()` send untagged requests |
//! | 6 | `Ok(post)` with every field exactly as the server sent it | `returns_the_post_whole`, seeded scenarios | whole-struct comparison with what the server holds: a `Value` decoded by hand (`.to_string()` keeps the quotes, defaults hide fields); post 58 served with spaces, tabs and newlines around its title and body, and `\r\n` and a lone `\r` inside its body (a `trim()`, or newlines made uniform, changes it); post 23 with an empty title and a blank body (a validating wrapper refuses it); posts 0 and `u64::MAX`, their `userId` the same (a `NonZeroU64` refuses 0, an `i64` asks for `/posts/-1`) |
//! | 6b | … so no encoding asked for that the client cannot read | `asks_for_no_encoding_it_cannot_read` (last) | a server that gzips post 12 when `Accept-Encoding` asks for gzip or `*`: an `Accept-Encoding: gzip, deflate` set by hand gets bytes `.json()` cannot read (the course's reqwest has no `gzip` feature); `identity;q=0` is answered 406 (the shared `compressing_when_asked`) |
//! | 7b | a 3xx that reqwest hands back is no post, and no panic | `a_200_that_is_not_a_post_is_an_err` | a 304 and a 300 without `Location`, both without a body: `unreachable!()` on a 3xx panics, and only an `Err` is right |
//! | 7 | every 4xx and 5xx is an `Err` whose `status()` is that status, read before the body (a 503 whose body breaks off a few bytes in, too) | `an_error_status_is_an_err_carrying_it`, seeded scenarios | 400, 403, 404, 410, 429, 500, 502, 503, then 405, 409, 418, 422, 451, 507, 599 (no allowlist of usual errors holds them all), and seeded statuses drawn from 400..=599: only-404, only-4xx and allowlist checks fail |
//! | 8 | … whatever the body: an error answer whose body is a post is an `Err`, not the post | `an_error_answer_whose_body_is_a_post_is_still_an_err` | 503, 410, 404, 409, 422, 500 each sent with a whole post as the body: "try the body as a post first" returns `Ok` |
//! | 9 | a 200 whose body is not a post is an `Err` (a decode error), not a made-up post or a panic | `a_200_that_is_not_a_post_is_an_err` | `{"id": 7}`, a number as `title`, HTML, a to-do (`userId, id, title, completed`), the two ids alone, no `title`, a `null` title (read as `""` by an `Option` and `unwrap_or_default`), no `id`, `"id": "7"`, `"userId": "1"`, post 7 inside `{"data": …}`, `user_id` for `userId` (a serde `alias` lets it through), `"id": 7.5` (ids read as `f64` and cast), a list holding post 7 (taking a list of one as its post): `#[serde(default)]` on any field, decoding without the `id` (rebuilt from the argument) or ids read leniently from strings lets one through; then post 8's JSON for `/posts/7` must come back as post 8 (the body's `id`, not the argument), once with `Content-Type: application/json`, once with no `Content-Type` at all (indexing `headers()[CONTENT_TYPE]` panics), once with a field more (`deny_unknown_fields` fails) |
//! | 10 | a server that cannot be reached is an `Err` about `{base_url}/posts/{id}`, no request elsewhere | `an_unreachable_server_is_an_err_about_the_url_asked_for` | a port where nothing listens, under `/api/v1`, by address and as `localhost`; `err.url()` must be that URL, and as `localhost` (a client that counts the connections it tries) one attempt only: a second try after a refused connection ("the server may still be starting") is a retry: a fallback to another host (the checks' client resolves only `localhost`, so none leaves the machine), or from `localhost` to `127.0.0.1`, returns an `Err` about that host |
//! | 10b | a base URL that is no URL is an `Err`, no panic | `a_base_url_that_is_no_url_is_an_err` | `127.0.0.1:{port}`, its scheme left out, a server listening there: `Url::parse(base_url).expect(..)` panics; `http://` put in front reaches the server |
//! | 11 | a connection dropped without an answer is an `Err`, after that one request | `a_dropped_connection_is_an_err_after_one_request` | the server reads GET `/api/v1/posts/9` and closes the connection: a retry on `is_connect() \|\| is_request()` shows as a second arrival |
//! | 11b | never a panic, a server that takes a day included | `a_slow_server_is_no_panic` | on tokio's paused clock, post 7 answered after a day: the call must end with an `Err` (a timeout of one's own with `expect` on it panics) |
//! | 12 | never blocks the runtime's thread | `returns_the_post_whole`, seeded scenarios | the time spent inside the candidate's polls (awaiting code returns from each in microseconds, a blocking call stays in one): a long `std::thread::sleep` shows as one long poll; a short one on every call adds up over the scenarios' forty-odd calls, against the reference's own time as a yardstick. Measured in the polls rather than by a heartbeat, so that a machine too busy to wake the test's thread on time is not taken for blocking code |
//!
//! Out of the contract: `base_url` ends without a `/` (the course's servers give it so); an
//! unfollowed 3xx (reqwest follows redirects) is not checked.

#[path = "solution.rs"]
mod reference;

use std::time::{Duration, Instant};

use lesson_support::models::Post;
use lesson_support::testing::{
    Exercise, Held, NotAUrl, RawAnswerServer, Verdict, cut_short, holding, is_tagged,
    tagged_client, within_real_time,
};
use lesson_support::testing::{count_of_times, request_lines};
use mock_server::{Arrival, Fault, FaultEffect, FaultSelect, MockApi, SeededRng};
use reqwest::{Client, StatusCode};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const EXERCISE: Exercise = Exercise {
    number: 1,
    file: "lessons/lesson-01/src/exercises/fetch_post.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>;
    asks_base_url_posts_id_once,
    uses_the_client_it_was_given,
    returns_the_post_whole,
    an_error_status_is_an_err_carrying_it,
    an_error_answer_whose_body_is_a_post_is_still_an_err,
    an_unreachable_server_is_an_err_about_the_url_asked_for,
    a_dropped_connection_is_an_err_after_one_request,
    a_200_that_is_not_a_post_is_an_err,
    agrees_with_the_reference_on_seeded_scenarios,
    a_slow_server_is_no_panic,
    a_base_url_that_is_no_url_is_an_err,
    // Last: only answers right about everything above reach these.
    asks_again_with_no_cache,
    asks_for_no_encoding_it_cannot_read,
}

/// The longest the code under check may hold the runtime's thread in one poll: far above what a
/// busy machine's scheduler adds to a poll of microseconds (or to a short blocking pause, which
/// the seeded scenarios' sum is there to find), below a blocking sleep of half a second.
const LONGEST_HOLD: Duration = Duration::from_millis(400);

/// The time in all, over the seeded scenarios' forty-odd calls, inside the candidate's polls that
/// makes it "blocking" (when it is also three times the reference's): a blocking pause of 15 ms
/// per call adds up to 600 ms, awaiting code's polls to a few milliseconds.
const HELD_IN_ALL: Duration = Duration::from_millis(400);

/// What posts `ids` hold, as the course's data set has it (read from a fresh server).
async fn expected_posts(ids: &[u64]) -> Result<Vec<Post>, String> {
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let mut posts = Vec::new();
    for &id in ids {
        posts.push(
            reference::fetch_post(&client, &api.uri(), id)
                .await
                .map_err(|err| format!("the check's own server failed to give post {id}: {err}"))?,
        );
    }
    Ok(posts)
}

/// A result in a few words, for messages.
fn describe(result: &Result<Post, reqwest::Error>) -> String {
    match result {
        Ok(post) => format!(
            "Ok(post {} by user {}, title {:?})",
            post.id, post.user_id, post.title
        ),
        Err(err) => match err.status() {
            Some(status) => format!("an Err carrying the status {status}"),
            None if err.is_decode() => format!("an Err that is a decode error ({err})"),
            None if err.is_connect() => "an Err that is a connection error".to_owned(),
            None => format!("an Err without a status ({err})"),
        },
    }
}

/// The fields in which `got` differs from `want`, each as `field: got …, the server sent …`.
fn differences(got: &Post, want: &Post) -> String {
    let mut fields = Vec::new();
    if got.user_id != want.user_id {
        fields.push(format!(
            "`user_id`: got {}, the server sent {}",
            got.user_id, want.user_id
        ));
    }
    if got.id != want.id {
        fields.push(format!("`id`: got {}, the server sent {}", got.id, want.id));
    }
    if got.title != want.title {
        fields.push(format!(
            "`title`: got {:?}, the server sent {:?}",
            got.title, want.title
        ));
    }
    if got.body != want.body {
        fields.push(format!(
            "`body`: got {:?}, the server sent {:?}",
            got.body, want.body
        ));
    }
    fields.join("; ")
}

/// A server that answers GET `{base_path}/posts/{id}`, for each `(id, status, body)` of
/// `answers`, with that status and that JSON body, and any other request with 404 `{}`.
async fn server_answering_posts(base_path: &str, answers: &[(u64, u16, String)]) -> MockServer {
    let server = lesson_support::testing::fresh_server().await;
    for (id, status, body) in answers {
        Mock::given(method("GET"))
            .and(path(format!("{base_path}/posts/{id}")))
            .respond_with(
                ResponseTemplate::new(*status).set_body_raw(body.clone(), "application/json"),
            )
            .mount(&server)
            .await;
    }
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404).set_body_raw("{}", "application/json"))
        .with_priority(10)
        .mount(&server)
        .await;
    server
}

/// The requests a wiremock server received, as [`Arrival`]s (paths with their query string).
async fn arrivals_at(server: &MockServer) -> Vec<Arrival> {
    let received = server.received_requests().await.unwrap_or_default();
    received
        .into_iter()
        .map(|request| Arrival {
            at: Instant::now(),
            method: request.method.to_string(),
            path: match request.url.query() {
                Some(query) => format!("{}?{query}", request.url.path()),
                None => request.url.path().to_owned(),
            },
            headers: request.headers,
            delay: Duration::ZERO,
            fault: None,
        })
        .collect()
}

/// A post as JSON, the way the server sends it.
fn post_json(post: &Post) -> Result<String, String> {
    serde_json::to_string(post).map_err(|err| format!("the check could not encode a post: {err}"))
}

/// Checks that the requests one call sent are exactly one GET to `{base_url}/posts/{id}`, and
/// says which part of the rule is broken if not.
fn one_get_to_the_post(
    arrivals: &[Arrival],
    base_url: &str,
    base_path: &str,
    id: u64,
) -> Result<(), String> {
    let expected = format!("{base_path}/posts/{id}");
    let [arrival] = arrivals else {
        if arrivals.is_empty() {
            return Err(EXERCISE.fail(&format!(
                "asked for post {id} with the base URL {base_url}, no request reached that \
                 server: build the URL from `base_url` (format!(\"{{base_url}}/posts/{{id}}\")) \
                 instead of a fixed address"
            )));
        }
        return Err(EXERCISE.fail(&format!(
            "asked for post {id} once, the server received {} requests: {:?}; one call sends \
             exactly one GET {expected}, even when the answer is an error",
            arrivals.len(),
            request_lines(arrivals)
        )));
    };
    let path = arrival.path.as_str();
    if arrival.method != "GET" {
        return Err(EXERCISE.fail(&format!(
            "asked for post {id}, the server received {} {path}; reading a post is a GET",
            arrival.method
        )));
    }
    if path == expected {
        return Ok(());
    }
    if let Some((_, query)) = path.split_once('?') {
        return Err(EXERCISE.fail(&format!(
            "asked for post {id} with the base URL {base_url}, the request went to {path}: a \
             query string (`?{query}`) was added; expected GET {expected}: the URL is exactly \
             `{{base_url}}/posts/{{id}}`, with no query string"
        )));
    }
    let Some(rest) = path
        .strip_prefix(base_path)
        .filter(|rest| rest.starts_with('/'))
    else {
        return Err(EXERCISE.fail(&format!(
            "asked with a base URL ending in {base_path} ({base_url}), the request went to \
             {path}, outside it; expected GET {expected}: keep the base URL whole, path \
             included, and append `/posts/{{id}}` to it"
        )));
    };
    if let Some(asked) = rest
        .strip_prefix("/posts/")
        .and_then(|n| n.parse::<u64>().ok())
    {
        return Err(EXERCISE.fail(&format!(
            "asked for post {id}, the request asked for post {asked} (GET {path}); expected \
             GET {expected}: use `id` in the path, unchanged"
        )));
    }
    if rest.starts_with("//") {
        return Err(EXERCISE.fail(&format!(
            "asked for post {id} with the base URL {base_url}, the request went to {path}, \
             with `//` after the base URL; expected GET {expected}: the URL is \
             `{{base_url}}/posts/{{id}}`, with one `/` between the base URL and `posts`"
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked for post {id} with the base URL {base_url}, the request went to {path}; \
         expected GET {expected}: the URL is exactly `{{base_url}}/posts/{{id}}`"
    )))
}

/// One GET per call, to `{base_url}/posts/{id}`, the base URL's path kept.
pub async fn asks_base_url_posts_id_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let api = MockApi::builder().base_path("/api/v1").start().await;
    let client = tagged_client(&api.uri());

    let _ = EXERCISE.run(candidate(&client, &api.uri(), 7)).await?;

    one_get_to_the_post(&api.arrivals(), &api.uri(), api.base_path(), 7)?;

    // A base URL with no path at all (`http://127.0.0.1:PORT`): a URL built from the parsed
    // base's path, `format!("{}/posts/{id}", url.path())`, asks for `//posts/7` there.
    let root = MockApi::builder().start().await;
    let client = tagged_client(&root.uri());
    let _ = EXERCISE.run(candidate(&client, &root.uri(), 7)).await?;
    one_get_to_the_post(&root.arrivals(), &root.uri(), root.base_path(), 7)?;

    // A base path with capitals: a URL path is case-sensitive, so lowering the base URL
    // ("normalising" it) asks for another path.
    let capitals = MockApi::builder().base_path("/Blog/V2").start().await;
    let client = tagged_client(&capitals.uri());
    let _ = EXERCISE.run(candidate(&client, &capitals.uri(), 7)).await?;
    one_get_to_the_post(
        &capitals.arrivals(),
        &capitals.uri(),
        capitals.base_path(),
        7,
    )?;

    two_calls_at_once_send_two_gets(candidate).await
}

/// Two calls for the same post made at once, against a server that answers after 200 ms: two
/// GETs, one per call (no call waits for another's answer to share it).
async fn two_calls_at_once_send_two_gets<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let api = MockApi::builder()
        .base_path("/api/v1")
        .latency(mock_server::Latency::Fixed(Duration::from_millis(200)))
        .start()
        .await;
    let base_url = api.uri();
    let client = tagged_client(&base_url);
    let (first, second) = tokio::join!(
        EXERCISE.run(candidate(&client, &base_url, 7)),
        EXERCISE.run(candidate(&client, &base_url, 7)),
    );
    let (_, _) = (first?, second?);
    let sent = api.arrivals().len();
    if sent == 2 {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "two calls for post 7 were made at once, and the server received {sent} request(s): \
         exactly one GET per call, each call its own (no cache, and no sharing one request \
         between calls)"
    )))
}

/// The request goes through the client given as an argument.
pub async fn uses_the_client_it_was_given<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let api = MockApi::builder().base_path("/api").start().await;
    let client = tagged_client(&api.uri());

    let _ = EXERCISE.run(candidate(&client, &api.uri(), 2)).await?;

    let arrivals = api.arrivals();
    one_get_to_the_post(&arrivals, &api.uri(), api.base_path(), 2)?;
    if arrivals.iter().all(|a| is_tagged(&a.headers)) {
        Ok(())
    } else {
        Err(EXERCISE.fail(
            "the request did not come from the `client` you were given: use `client.get(…)`, \
             not `reqwest::get` or a new `Client`; a program shares one client, whose \
             connections are reused",
        ))
    }
}

/// Posts 7 and 23 come back whole, every field as the server sent it, without blocking the
/// runtime's thread.
pub async fn returns_the_post_whole<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let api = MockApi::builder().base_path("/blog/v2").start().await;
    let client = tagged_client(&api.uri());
    for expected in expected_posts(&[7, 23]).await? {
        let id = expected.id;
        let before = api.arrivals().len();

        let mut held = Held::default();
        let result = EXERCISE
            .run(holding(candidate(&client, &api.uri(), id), &mut held))
            .await?;

        one_get_to_the_post(&api.arrivals()[before..], &api.uri(), api.base_path(), id)?;
        match result {
            Ok(post) if post == expected => {}
            Ok(post) => {
                return Err(EXERCISE.fail(&format!(
                    "asked for post {id}, got a post that differs from what the server sent: \
                     {}; decode the body into `Post` as it is (`.json::<Post>()`), every field \
                     as sent",
                    differences(&post, &expected)
                )));
            }
            Err(err) => {
                return Err(EXERCISE.fail(&format!(
                    "post {id} exists (the server answered 200 with it), yet the result is {}",
                    describe(&Err(err))
                )));
            }
        }
        if held.longest > LONGEST_HOLD {
            return Err(EXERCISE.fail(&format!(
                "while fetching post {id}, your function held the thread for {} ms in one go \
                 instead of waiting at an `.await`: the runtime's thread was blocked, no other \
                 task could run. Wait with `.await` (`tokio::time::sleep`), never \
                 `std::thread::sleep` or a blocking client",
                held.longest.as_millis()
            )));
        }
    }

    // A post whose text starts and ends with spaces and newlines, and one whose title is empty
    // and whose body is blank: all of it is the post as sent (a `trim()` changes the first, a
    // check of your own that text is readable refuses the second).
    let spaced = Post {
        user_id: 6,
        id: 58,
        title: "  a title typed with spaces around it \n".to_owned(),
        body: "\n\tfirst line\r\nsecond line\rlast line  \n\n".to_owned(),
    };
    let blank = Post {
        user_id: 3,
        id: 23,
        title: String::new(),
        body: " \n\t ".to_owned(),
    };
    for (sent, what) in [
        (
            spaced,
            "its title and body start and end with spaces and newlines",
        ),
        (
            blank,
            "its title empty, its body only spaces, a newline and a tab",
        ),
    ] {
        let server = server_answering_posts("/blog/v2", &[(sent.id, 200, post_json(&sent)?)]).await;
        let base_url = format!("{}/blog/v2", server.uri());
        let result = EXERCISE.run(candidate(&client, &base_url, sent.id)).await?;
        one_get_to_the_post(&arrivals_at(&server).await, &base_url, "/blog/v2", sent.id)?;
        match result {
            Ok(post) if post == sent => {}
            Ok(post) => {
                return Err(EXERCISE.fail(&format!(
                    "asked for post {} ({what}), got a post that differs from what the server \
                     sent: {}; return every field as sent, whitespace included: no `trim()`, no \
                     other change",
                    sent.id,
                    differences(&post, &sent)
                )));
            }
            Err(err) => {
                return Err(EXERCISE.fail(&format!(
                    "post {} exists ({what}; the server answered 200 with it), yet the result \
                     is {}: `Ok(post)` with every field exactly as the server sent it, empty and \
                     blank text included (no rule of your own about what a post may hold)",
                    sent.id,
                    describe(&Err(err))
                )));
            }
        }
    }

    // Ids at both ends of `u64`: 0 and `u64::MAX` are ids like any other, in the URL and in
    // the post (an `i64` on the way asks for `/posts/-1`; a `NonZeroU64` refuses post 0).
    for edge in [0, u64::MAX] {
        let post = Post {
            user_id: edge,
            id: edge,
            title: format!("post {edge}"),
            body: "at the edge of u64".to_owned(),
        };
        let server = server_answering_posts("/blog/v2", &[(edge, 200, post_json(&post)?)]).await;
        let base_url = format!("{}/blog/v2", server.uri());
        let result = EXERCISE.run(candidate(&client, &base_url, edge)).await?;
        one_get_to_the_post(&arrivals_at(&server).await, &base_url, "/blog/v2", edge)?;
        match result {
            Ok(got) if got == post => {}
            Ok(got) => {
                return Err(EXERCISE.fail(&format!(
                    "asked for post {edge}, whose `id` and `userId` are {edge}, got a post that \
                     differs from what the server sent: {}; every `u64` is an id, 0 and \
                     `u64::MAX` included: decode the body into `Post` as it is",
                    differences(&got, &post)
                )));
            }
            Err(err) => {
                return Err(EXERCISE.fail(&format!(
                    "post {edge} exists (the server answered 200 with it, its `id` and `userId` \
                     both {edge}), yet the result is {}: every `u64` is an id, 0 and `u64::MAX` \
                     included (no `NonZeroU64`, no `i64` on the way)",
                    describe(&Err(err))
                )));
            }
        }
    }
    Ok(())
}

/// Every 4xx and 5xx, the uncommon ones too, is an `Err` carrying that status, after one
/// request.
pub async fn an_error_status_is_an_err_carrying_it<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    // (id, status): 101 does not exist; the others exist but the server fails them on purpose.
    // After the common ones, statuses no list of "the errors an API sends" would hold.
    let cases: [(u64, u16); 15] = [
        (101, 404),
        (3, 400),
        (4, 403),
        (5, 410),
        (6, 429),
        (8, 500),
        (9, 502),
        (12, 503),
        (13, 405),
        (14, 409),
        (17, 418),
        (19, 422),
        (21, 451),
        (24, 507),
        (26, 599),
    ];
    let mut builder = MockApi::builder().base_path("/api/v1");
    for (id, status) in cases {
        if id <= 100 {
            builder = builder.fault(Fault {
                select: FaultSelect::Ids(vec![id]),
                effect: FaultEffect::Status(status),
            });
        }
    }
    let api = builder.start().await;
    let client = tagged_client(&api.uri());

    for (id, status) in cases {
        let status = StatusCode::from_u16(status).map_err(|err| err.to_string())?;
        let before = api.arrivals().len();
        let result = EXERCISE.run(candidate(&client, &api.uri(), id)).await?;
        one_get_to_the_post(&api.arrivals()[before..], &api.uri(), api.base_path(), id)?;
        match &result {
            Err(err) if err.status() == Some(status) => {}
            Err(err) if err.is_decode() => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {status} for post {id}, and the result is {}: the \
                     body was read as a post although the status is an error. Every 4xx and \
                     5xx must become an Err carrying its status before the body is read \
                     (`.error_for_status()?` does that)",
                    describe(&result)
                )));
            }
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {status} for post {id}; expected an Err carrying \
                     {status} (every 4xx and 5xx is an error), got {}",
                    describe(&result)
                )));
            }
        }
    }
    an_error_status_whose_body_breaks_off_is_still_that_status(candidate).await
}

/// An error status is known from the head: a 503 whose body then breaks off (the server closes
/// the connection a few bytes into it) is an `Err` carrying 503 all the same, after one request.
async fn an_error_status_whose_body_breaks_off_is_still_that_status<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let server = RawAnswerServer::start(cut_short(503), false).await?;
    let client = tagged_client(&server.url);
    let result = EXERCISE.run(candidate(&client, &server.url, 7)).await?;
    let answered = "the server answered 503 for post 7 and closed the connection a few bytes into \
                    its body";
    let received = server.requests();
    if received != 1 {
        return Err(EXERCISE.fail(&format!(
            "{answered}; it received {received} requests, expected one: no retry"
        )));
    }
    match &result {
        Err(err) if err.status() == Some(StatusCode::SERVICE_UNAVAILABLE) => Ok(()),
        _ => Err(EXERCISE.fail(&format!(
            "{answered}; expected an Err carrying 503, got {}: the status is in the head, \
             whatever becomes of the body, so turn it into the Err before reading the body \
             (`.error_for_status()?`)",
            describe(&result)
        ))),
    }
}

/// How long, in real time, [`a_slow_server_is_no_panic`] waits on tokio's paused clock.
const REAL_TIME_BOUND: Duration = Duration::from_secs(5);

/// A server that takes a day to answer is no panic: on tokio's paused clock (so it takes no
/// real time), the call ends with an `Err` once a timeout, the client's or one of its own,
/// has run out.
pub async fn a_slow_server_is_no_panic<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let server = lesson_support::testing::fresh_server().await;
    Mock::given(path("/warm"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(path("/api/posts/7"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(24 * 60 * 60)))
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    // A connection open before the clock is paused, so that no connection attempt is cut
    // short by a jump of the clock.
    if client
        .get(format!("{}/warm", server.uri()))
        .send()
        .await
        .is_err()
    {
        return Err(EXERCISE.fail("the check's own server could not be warmed up"));
    }
    tokio::time::pause();
    let outcome = within_real_time(
        REAL_TIME_BOUND,
        EXERCISE.run(candidate(&client, &base_url, 7)),
    )
    .await;
    tokio::time::resume();
    let setting = "asked for post 7 from a server that takes a day to answer (on tokio's paused \
                   clock, so it took no real time)";
    match outcome {
        None => Err(EXERCISE.fail(&format!(
            "{setting}, the function had not returned after {} s of real time, though the \
             paused clock jumps ahead whenever every task waits: wait only by awaiting",
            REAL_TIME_BOUND.as_secs()
        ))),
        Some(Err(message)) => Err(message.replacen(
            "your code panicked",
            &format!("{setting}, your code panicked"),
            1,
        )),
        Some(Ok(Ok(post))) => Err(EXERCISE.fail(&format!(
            "{setting}, the function returned Ok({post:?}), though the server never answered"
        ))),
        Some(Ok(Err(_))) => Ok(()),
    }
}

/// An error status is an `Err` carrying it even when the answer's body is a post (a "last good
/// copy" sent along with a 503, an archived post with its 410).
pub async fn an_error_answer_whose_body_is_a_post_is_still_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let cases: [(u64, u16); 6] = [
        (7, 503),
        (15, 410),
        (33, 404),
        (41, 409),
        (64, 422),
        (88, 500),
    ];
    let posts = expected_posts(&cases.map(|(id, _)| id)).await?;
    let mut answers = Vec::new();
    for ((id, status), post) in cases.iter().zip(&posts) {
        answers.push((*id, *status, post_json(post)?));
    }
    let server = server_answering_posts("/api", &answers).await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    for (id, status) in cases {
        let status = StatusCode::from_u16(status).map_err(|err| err.to_string())?;
        let before = arrivals_at(&server).await.len();
        let result = EXERCISE.run(candidate(&client, &base_url, id)).await?;
        one_get_to_the_post(&arrivals_at(&server).await[before..], &base_url, "/api", id)?;
        match &result {
            Err(err) if err.status() == Some(status) => {}
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {status} for post {id}, with post {id} as the body; \
                     expected an Err carrying {status}, got {}: a 4xx or 5xx is an error \
                     whatever its body, so check the status before reading the body \
                     (`.error_for_status()?`)",
                    describe(&result)
                )));
            }
        }
    }
    Ok(())
}

/// A server that cannot be reached is an `Err` about the URL asked for: no request goes to any
/// other address instead.
pub async fn an_unreachable_server_is_an_err_about_the_url_asked_for<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let nowhere = format!("{}/api/v1", lesson_support::testing::unused_local_url());
    // The same port by name too: a fallback from `localhost` to `127.0.0.1` (an old habit from
    // servers that listen on IPv4 only) asks a second address and names it in its error.
    let by_name = nowhere.replace("127.0.0.1", "localhost");
    for nowhere in [nowhere.clone(), by_name] {
        let expected = format!("{nowhere}/posts/7");
        // It counts the connections it tries by name (`localhost`): a refused connection
        // reaches no server, so only the client can see one tried again.
        let (client, attempts) = lesson_support::testing::counting_client(&nowhere);
        match EXERCISE.run(candidate(&client, &nowhere, 7)).await? {
            Err(_) if attempts.get() > 1 => {
                return Err(EXERCISE.fail(&format!(
                    "nothing listens at the base URL {nowhere}, and the client tried to connect \
                     {}: no retry, not even of a refused connection; the error of the one \
                     request is the result",
                    lesson_support::testing::count_of_times(attempts.get())
                )));
            }
            Err(err) if err.url().map(|url| url.as_str()) == Some(expected.as_str()) => {}
            Err(err) => {
                return Err(EXERCISE.fail(&format!(
                    "nothing listens at the base URL {nowhere}; the result is an Err about {}, \
                     not about {expected} ({err}): when the server cannot be reached, return \
                     the error of the request to `{{base_url}}/posts/{{id}}` and send no \
                     request anywhere else",
                    err.url()
                        .map_or_else(|| "no URL at all".to_owned(), |url| url.to_string())
                )));
            }
            Ok(post) => {
                return Err(EXERCISE.fail(&format!(
                    "nothing listens at the base URL {nowhere}, yet the result is Ok({post:?}): \
                     a server that cannot be reached is an Err, and no other server answers in \
                     its place"
                )));
            }
        }
    }
    Ok(())
}

/// A base URL that is no URL (its scheme left out) is an `Err`, the one `send()` gives: no
/// panic on the way to building the URL.
pub async fn a_base_url_that_is_no_url_is_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let not_a_url = NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = tagged_client("http://127.0.0.1");
    let result = EXERCISE.run(candidate(&client, no_url, 7)).await?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    match result {
        Err(_) => Ok(()),
        Ok(post) => Err(EXERCISE.fail(&format!(
            "the base URL was {no_url:?}, which is no URL (no scheme), yet the result is \
             Ok({post:?}): a base URL that is no URL is an Err"
        ))),
    }
}

/// A server that reads the request and closes the connection without answering: an `Err`
/// without a status, after that one request (no retry).
pub async fn a_dropped_connection_is_an_err_after_one_request<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let api = MockApi::builder()
        .base_path("/api/v1")
        .fault(Fault {
            select: FaultSelect::Ids(vec![9]),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let result = EXERCISE.run(candidate(&client, &api.uri(), 9)).await?;
    let arrivals = api.arrivals();
    if arrivals.len() > 1 {
        return Err(EXERCISE.fail(&format!(
            "the server closed the connection without answering post 9, and received {} \
             requests: {:?}; one call sends exactly one GET, no retry, even when no answer \
             comes back: return that error",
            arrivals.len(),
            request_lines(&arrivals)
        )));
    }
    one_get_to_the_post(&arrivals, &api.uri(), api.base_path(), 9)?;
    match &result {
        Err(err) if err.status().is_none() => Ok(()),
        _ => Err(EXERCISE.fail(&format!(
            "the server closed the connection without answering post 9; expected an Err \
             without a status (no answer came), got {}",
            describe(&result)
        ))),
    }
}

/// A 200 whose body is not a post is an `Err` (a decode error): neither a post made of
/// defaults nor a panic.
pub async fn a_200_that_is_not_a_post_is_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let bodies = [
        (r#"{"id": 7}"#, "no `userId`, `title` or `body`"),
        (
            r#"{"userId": 1, "id": 7, "title": 42, "body": "text"}"#,
            "a number as the `title`",
        ),
        ("<html><body>Post 7</body></html>", "HTML, not JSON"),
        (
            r#"{"userId": 1, "id": 7, "title": "delectus aut autem", "completed": false}"#,
            "a to-do: no `body`",
        ),
        (
            r#"{"userId": 1, "id": 7}"#,
            "the two ids, no `title` or `body`",
        ),
        (r#"{"userId": 1, "id": 7, "body": "text"}"#, "no `title`"),
        (
            r#"{"userId": 1, "id": 7, "title": null, "body": "text"}"#,
            "a `null` title: a field of the wrong type (a title is a string; `null` is no \
             text, not the empty text)",
        ),
        (
            r#"{"userId": 1, "title": "text", "body": "text"}"#,
            "no `id`: the `id` is read from the body too, never taken from the argument",
        ),
        (
            r#"{"userId": 1, "id": "7", "title": "text", "body": "text"}"#,
            "the `id` is the string \"7\": a field of the wrong type, an id is a JSON number",
        ),
        (
            r#"{"data": {"userId": 1, "id": 7, "title": "text", "body": "text"}}"#,
            "post 7 wrapped in an object, `{\"data\": …}`: an envelope the contract does not \
             name is not a post",
        ),
        (
            r#"{"userId": "1", "id": 7, "title": "text", "body": "text"}"#,
            "the `userId` is the string \"1\": a field of the wrong type, an id is a JSON \
             number",
        ),
        (
            r#"{"user_id": 1, "id": 7, "title": "text", "body": "text"}"#,
            "the author under `user_id`: the API names that field `userId`, and no other name \
             stands for it",
        ),
        (
            r#"{"userId": 1, "id": 7.5, "title": "text", "body": "text"}"#,
            "the `id` is 7.5: an id is a whole number, and reading it as a float that is then \
             cast to `u64` makes 7 of it",
        ),
        (
            r#"[{"userId": 1, "id": 7, "title": "text", "body": "text"}]"#,
            "a list holding post 7, as `/posts?id=7` answers: a list is not a post, even a \
             list of one",
        ),
    ];
    let client = tagged_client("http://127.0.0.1");
    for (body, what) in bodies {
        let server = lesson_support::testing::server_answering(
            ResponseTemplate::new(200).set_body_raw(body, "application/json"),
        )
        .await;
        let result = EXERCISE.run(candidate(&client, &server.uri(), 7)).await?;
        one_request_for(&server, &format!("the body {body} ({what})")).await?;
        match &result {
            Err(err) if err.is_decode() => {}
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered 200 with the body {body} ({what}), which is not a \
                     post; expected an Err that is a decode error, got {}: decode into `Post` \
                     with `.json::<Post>()`, which fails on a missing or mistyped field (every \
                     field of a post is required)",
                    describe(&result)
                )));
            }
        }
    }
    // Not Modified, and Multiple Choices without a `Location`: reqwest hands both back as they
    // are (it follows only redirects that say where to), neither an error status nor a post.
    for (status, what) in [
        (304, "304 Not Modified, with no body"),
        (300, "300 Multiple Choices, with no `Location` and no body"),
    ] {
        let server = lesson_support::testing::server_answering(ResponseTemplate::new(status)).await;
        let result = EXERCISE.run(candidate(&client, &server.uri(), 7)).await?;
        one_request_for(&server, what).await?;
        if result.is_ok() {
            return Err(EXERCISE.fail(&format!(
                "the server answered {what}; expected an Err (there is no post in it), got {}",
                describe(&result)
            )));
        }
    }
    // A post, but not the one asked for: the body's `id` is what the server sent.
    let other = Post {
        user_id: 2,
        id: 8,
        title: "a post that is not 7".to_owned(),
        body: "its body".to_owned(),
    };
    let body = serde_json::json!({
        "userId": other.user_id, "id": other.id, "title": other.title, "body": other.body,
    });
    // Then the same answer with no `Content-Type` at all: `.json()` does not need one.
    // And with a field more than `Post` has: still post 8 (serde ignores what it does not know).
    let mut more = body.clone();
    more["views"] = serde_json::json!(3);
    let answers = [
        (ResponseTemplate::new(200).set_body_json(&body), "", &body),
        (
            ResponseTemplate::new(200).set_body_bytes(body.to_string()),
            ", with no Content-Type header",
            &body,
        ),
        (
            ResponseTemplate::new(200).set_body_json(&more),
            ", with a field more (`\"views\": 3`)",
            &more,
        ),
    ];
    for (answer, how, body) in answers {
        let server = lesson_support::testing::server_answering(answer).await;
        let result = EXERCISE.run(candidate(&client, &server.uri(), 7)).await?;
        let what = format!("post 8's JSON{how}");
        one_request_for(&server, &what).await?;
        match &result {
            Ok(post) if *post == other => {}
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "asked for post 7, the server answered 200 with {what} ({body}); expected \
                     Ok(post 8), every field as the server sent it, the `id` included (read \
                     from the body, not taken from the argument), got {}",
                    describe(&result)
                )));
            }
        }
    }
    Ok(())
}

/// Exactly one request reached `server` for one call, whose answer was `what`: a body the
/// function did not like is no reason to ask again.
async fn one_request_for(server: &MockServer, what: &str) -> Verdict {
    let sent = server.received_requests().await.unwrap_or_default().len();
    if sent == 1 {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked for post 7 once, the server answered 200 with {what} and received {sent} \
         requests: exactly one GET per call, no retry, whatever the body"
    )))
}

/// A server under `base_path` that fails each `(id, status)` of `faults` with that status.
async fn server_with_faults(base_path: &str, faults: &[(u64, u16)]) -> MockApi {
    let mut builder = MockApi::builder().base_path(base_path);
    for &(id, status) in faults {
        builder = builder.fault(Fault {
            select: FaultSelect::Ids(vec![id]),
            effect: FaultEffect::Status(status),
        });
    }
    builder.start().await
}

/// Seeded scenarios: a base path, 11 or 13 ids (unsorted, repeated, some missing, some failing
/// with a chosen status), asked one after another. The candidate and the reference solution,
/// each against its own identical server, must give the same results and send the same
/// requests.
pub async fn agrees_with_the_reference_on_seeded_scenarios<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let client = tagged_client("http://127.0.0.1");
    // The time each side spends inside its polls: a short blocking pause in each call adds up.
    let (mut theirs_held, mut ours_held) = (Held::default(), Held::default());
    let mut calls = 0;
    for seed in [11, 29, 47] {
        let mut rng = SeededRng::new(seed);
        let base_path = rng.pick(&["/api", "/api/v1", "/blog/v2"]);
        let count = rng.pick(&[11, 13]);
        let mut ids: Vec<u64> = (0..count).map(|_| rng.between(1, 110)).collect();
        // At least one repeat, whatever the draw.
        ids.push(ids[rng.between(0, ids.len() as u64 - 1) as usize]);
        rng.shuffle(&mut ids);
        let mut faults = Vec::new();
        for &id in ids.iter().filter(|&&id| id <= 100) {
            if rng.chance(0.3) && !faults.iter().any(|&(f, _)| f == id) {
                faults.push((id, rng.between(400, 599) as u16));
            }
        }
        let (theirs, ours) = (
            server_with_faults(base_path, &faults).await,
            server_with_faults(base_path, &faults).await,
        );
        let scenario = format!(
            "scenario seed {seed}: base URL ending in {base_path}, ids {ids:?} asked one after \
             another, the server failing ids {faults:?} with those statuses"
        );
        for &id in &ids {
            let result = EXERCISE
                .run(holding(
                    candidate(&client, &theirs.uri(), id),
                    &mut theirs_held,
                ))
                .await?;
            let expected = holding(
                reference::fetch_post(&client, &ours.uri(), id),
                &mut ours_held,
            )
            .await;
            calls += 1;
            let same = match (&result, &expected) {
                (Ok(got), Ok(want)) => got == want,
                (Err(got), Err(want)) => {
                    got.status() == want.status() && got.is_decode() == want.is_decode()
                }
                _ => false,
            };
            if !same {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}: for post {id} the result is {}; expected {} (the server \
                     answers post {id} with {})",
                    describe(&result),
                    describe(&expected),
                    match &expected {
                        Ok(_) => "200 and the post".to_owned(),
                        Err(err) => err
                            .status()
                            .map_or_else(|| err.to_string(), |s| s.to_string()),
                    }
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
                "{scenario}: {detail}; each call sends its own GET {{base_url}}/posts/{{id}}, \
                 whether or not the same id was asked before"
            )));
        }
    }
    if theirs_held.total >= HELD_IN_ALL && theirs_held.total >= ours_held.total * 3 {
        return Err(EXERCISE.fail(&format!(
            "over the seeded scenarios' {calls} calls, your function held the runtime's thread \
             for {} ms in all instead of waiting at an `.await` (the reference solution, for the \
             same calls: {} ms): your function blocks the thread a little on every call, and no \
             other task can run meanwhile. Wait with `.await` (`tokio::time::sleep`), never \
             `std::thread::sleep` or a blocking client",
            theirs_held.total.as_millis(),
            ours_held.total.as_millis()
        )));
    }
    Ok(())
}

/// No cache, not even one that revalidates: post 12 answered with an `ETag`, a `Last-Modified`
/// and `Cache-Control: max-age=60`, asked for twice: the second GET is a plain one, with no
/// `If-None-Match` or `If-Modified-Since` (a server answers those with a bodyless 304, and the
/// post then comes from a copy kept by the code, not from the server).
pub async fn asks_again_with_no_cache<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let post = expected_posts(&[12]).await?.remove(0);
    let server = lesson_support::testing::fresh_server().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"post-12-v1\"")
                .insert_header("last-modified", "Wed, 21 Oct 2015 07:28:00 GMT")
                .insert_header("cache-control", "public, max-age=60")
                .set_body_raw(post_json(&post)?, "application/json"),
        )
        .mount(&server)
        .await;
    let client = tagged_client(&server.uri());
    for _ in 0..2 {
        let result = EXERCISE.run(candidate(&client, &server.uri(), 12)).await?;
        if !matches!(&result, Ok(got) if *got == post) {
            return Err(EXERCISE.fail(&format!(
                "post 12, answered 200 with an `ETag` and `Cache-Control: max-age=60`; expected \
                 Ok(post 12), got {}",
                describe(&result)
            )));
        }
    }
    let requests = server.received_requests().await.unwrap_or_default();
    let conditional: Vec<String> = requests
        .iter()
        .flat_map(|request| {
            ["if-none-match", "if-modified-since"]
                .into_iter()
                .filter_map(|name| {
                    let value = request.headers.get(name)?;
                    Some(format!("{name}: {}", value.to_str().unwrap_or("?")))
                })
        })
        .collect();
    if requests.len() != 2 || !conditional.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "post 12 was asked for twice, its answer carrying an `ETag`, a `Last-Modified` and \
             `Cache-Control: max-age=60`; the server received {} request(s){}: no cache, not \
             even one that asks the server whether a copy is still good: every call sends a \
             plain GET of its own, and its answer is the post",
            requests.len(),
            if conditional.is_empty() {
                String::new()
            } else {
                format!(" carrying {}", conditional.join(", "))
            }
        )));
    }
    Ok(())
}

/// No encoding asked for that the client cannot read: post 12 from
/// [`compressing_when_asked`](lesson_support::testing::compressing_when_asked), which gzips it
/// when the request asks for a compressed body, as JSONPlaceholder does.
pub async fn asks_for_no_encoding_it_cannot_read<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let post = expected_posts(&[12]).await?.remove(0);
    let json = post_json(&post)?;
    let server = lesson_support::testing::compressing_when_asked(json.into_bytes()).await;
    let client = tagged_client(&server.uri());
    let result = EXERCISE.run(candidate(&client, &server.uri(), 12)).await?;
    if matches!(&result, Ok(got) if *got == post) {
        return Ok(());
    }
    let asked: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|request| request.headers.get("accept-encoding"))
        .map(|value| value.to_str().unwrap_or("?").to_owned())
        .collect();
    Err(EXERCISE.fail(&format!(
        "the server compresses post 12 when a request asks for it, as JSONPlaceholder does; \
         your request's Accept-Encoding was {asked:?}, and the result was {}, where Ok(post 12) \
         was expected: ask for no encoding the client cannot read. The course's reqwest is \
         built without its `gzip` feature, so nothing decompresses the body; the client sends \
         the Accept-Encoding it can read",
        describe(&result)
    )))
}
