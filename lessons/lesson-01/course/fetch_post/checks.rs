//! The checks of exercise 1 (`fetch_post`), run against your file, the reference solution and
//! the course's typical wrong answers.
//!
//! Rule table: each clause of the stub's contract, the check(s) that test it, and the inputs
//! that make a near miss fail.
//!
//! | # | contract clause | check(s) | inputs that catch near misses |
//! |---|-----------------|----------|-------------------------------|
//! | 1 | the URL is `{base_url}/posts/{id}`, the base URL's path kept whole | `asks_base_url_posts_id_once`, `agrees_with_the_reference_on_seeded_scenarios` | base URLs with a path (`/api/v1`, `/api`, `/blog/v2`): `Url::join("/posts/7")` and `join("posts/7")` leave it; a `//posts/7` is told apart from a wrong id |
//! | 2 | the id in the path is the `id` argument, unchanged | `asks_base_url_posts_id_once`, `returns_the_post_whole`, seeded scenarios | ids 7, 23 and seeded ids up to 110 (not 1, not a round number): a constant, `id - 1`, a clamp to 100 |
//! | 3 | exactly one GET per call, no retry, no cache | `asks_base_url_posts_id_once`, `an_error_status_is_an_err_carrying_it` (counts on failures), seeded scenarios (repeated ids) | 4xx/5xx answers (a retry shows as two arrivals), the same id asked for again in one scenario (a cache shows as a missing arrival) |
//! | 4 | sent through `client` | `uses_the_client_it_was_given` | a tagged client: `reqwest::get`, `Client::new()` send untagged requests |
//! | 5 | `Ok(post)` with every field as the server sent it | `returns_the_post_whole`, seeded scenarios | whole-struct comparison with what the server holds: a `Value` decoded by hand (`.to_string()` keeps the quotes, defaults hide fields) |
//! | 6 | every 4xx and 5xx is an `Err` whose `status()` is that status, read before the body | `an_error_status_is_an_err_carrying_it`, seeded scenarios | 400, 403, 404, 410, 429, 500, 502, 503 (not only 404): only-404 and only-4xx checks fail |
//! | 7 | a 2xx whose body is not a post is an `Err` (a decode error), not a made-up post or a panic | `a_200_that_is_not_a_post_is_an_err` | `{"id": 7}`, HTML, a post whose `title` is a number |
//! | 8 | no answer at all is an `Err`, not a panic | `an_error_status_is_an_err_carrying_it` | a port where nothing listens |
//! | 9 | never blocks the runtime's thread | `returns_the_post_whole`, seeded scenarios | a heartbeat on the test's one thread: a long `std::thread::sleep` shows as one long gap; a short one on every call adds up over the scenarios' forty-odd calls |
//!
//! Out of the contract: `base_url` ends without a `/` (the course's servers give it so); an
//! unfollowed 3xx (reqwest follows redirects) is not checked.

#[path = "solution.rs"]
mod reference;

use std::time::Duration;

use lesson_support::models::Post;
use lesson_support::testing::{Exercise, Heartbeat, Verdict, is_tagged, tagged_client};
use mock_server::{Arrival, Fault, FaultEffect, FaultSelect, MockApi, SeededRng};
use reqwest::{Client, StatusCode};
use wiremock::ResponseTemplate;

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
    a_200_that_is_not_a_post_is_an_err,
    agrees_with_the_reference_on_seeded_scenarios,
}

/// The longest the runtime's thread may stay away while the code under check runs: far above
/// what a busy machine's scheduler causes, far below a blocking sleep of half a second.
const LONGEST_GAP: Duration = Duration::from_millis(250);

/// The stalls, in all, that make the seeded scenarios' forty-odd calls "blocked" (when they are
/// also half the run): a blocking pause of 25 ms per call adds up to a second, a busy machine's
/// occasional pause to far less.
const STALLED_IN_ALL: Duration = Duration::from_millis(400);

/// What post `id` holds, as the course's data set has it (read from a fresh server).
async fn expected_post(id: u64) -> Result<Post, String> {
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    reference::fetch_post(&client, &api.uri(), id)
        .await
        .map_err(|err| format!("the check's own server failed to give post {id}: {err}"))
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

/// `once`, `twice`, `3 times`.
fn count_of_times(n: usize) -> String {
    match n {
        0 => "not at all".to_owned(),
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

/// The requests of `arrivals` as `GET /path` strings.
fn requests(arrivals: &[Arrival]) -> Vec<String> {
    arrivals
        .iter()
        .map(|a| format!("{} {}", a.method, a.path))
        .collect()
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
            requests(arrivals)
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
    Err(EXERCISE.fail(&format!(
        "asked for post {id} with the base URL {base_url}, the request went to {path}; \
         expected GET {expected}: the URL is `{{base_url}}/posts/{{id}}`, exactly, with one \
         `/` between the base URL and `posts`"
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

    one_get_to_the_post(&api.arrivals(), &api.uri(), api.base_path(), 7)
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
    for id in [7, 23] {
        let expected = expected_post(id).await?;
        let before = api.arrivals().len();

        let heartbeat = Heartbeat::start();
        let result = EXERCISE.run(candidate(&client, &api.uri(), id)).await?;
        let gap = heartbeat.longest_gap();

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
        if gap > LONGEST_GAP {
            return Err(EXERCISE.fail(&format!(
                "while fetching post {id}, the runtime's thread was blocked for {} ms: no other \
                 task could run. Wait with `.await` (`tokio::time::sleep`), never \
                 `std::thread::sleep` or a blocking client",
                gap.as_millis()
            )));
        }
    }
    Ok(())
}

/// Every 4xx and 5xx is an `Err` carrying that status, after one request; no answer at all is
/// an `Err` too.
pub async fn an_error_status_is_an_err_carrying_it<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    // (id, status): 101 does not exist; the others exist but the server fails them on purpose.
    let cases: [(u64, u16); 8] = [
        (101, 404),
        (3, 400),
        (4, 403),
        (5, 410),
        (6, 429),
        (8, 500),
        (9, 502),
        (12, 503),
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

    let nowhere = lesson_support::testing::unused_local_url();
    let client = tagged_client(&nowhere);
    match EXERCISE.run(candidate(&client, &nowhere, 7)).await? {
        Err(_) => Ok(()),
        Ok(post) => Err(EXERCISE.fail(&format!(
            "nothing listens at the base URL {nowhere}, yet the result is Ok({post:?})"
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
        r#"{"id": 7}"#,
        r#"{"userId": 1, "id": 7, "title": 42, "body": "text"}"#,
        "<html><body>Post 7</body></html>",
    ];
    let client = tagged_client("http://127.0.0.1");
    for body in bodies {
        let server = lesson_support::testing::server_answering(
            ResponseTemplate::new(200).set_body_raw(body, "application/json"),
        )
        .await;
        let result = EXERCISE.run(candidate(&client, &server.uri(), 7)).await?;
        match &result {
            Err(err) if err.is_decode() => {}
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered 200 with the body {body}, which is not a post; \
                     expected an Err that is a decode error, got {}: decode into `Post` with \
                     `.json::<Post>()`, which fails on a missing or mistyped field",
                    describe(&result)
                )));
            }
        }
    }
    Ok(())
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
    // Watches the thread through all the calls: a short blocking pause in each adds up.
    let heartbeat = Heartbeat::start();
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
                faults.push((id, rng.pick(&[400, 403, 410, 429, 500, 502, 503])));
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
            let result = EXERCISE.run(candidate(&client, &theirs.uri(), id)).await?;
            let expected = reference::fetch_post(&client, &ours.uri(), id).await;
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
        let (got, want) = (requests(&theirs.arrivals()), requests(&ours.arrivals()));
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
    if let Some(stalled) = heartbeat.blocked_for(STALLED_IN_ALL) {
        let (_, running) = heartbeat.stalled();
        return Err(EXERCISE.fail(&format!(
            "over the {} ms of the seeded scenarios' calls, the runtime's thread stood still for \
             {} ms in all: your function blocks the thread a little on every call, and no other \
             task can run meanwhile. Wait with `.await` (`tokio::time::sleep`), never \
             `std::thread::sleep` or a blocking client",
            running.as_millis(),
            stalled.as_millis()
        )));
    }
    Ok(())
}
