//! The checks of exercise 3 (`fetch_posts`): each one a rule of the contract, each failure a
//! message that says what the server saw and where to look.
//!
//! They take the function under test as an argument, so that the same checks run against your
//! file (`tests/exercises.rs`), the reference solution and the course's collection of typical
//! wrong answers (`tests/course.rs`).

use std::time::Duration;

use lesson_support::models::Post;
use lesson_support::testing::{
    Exercise, Verdict, is_tagged, post_title, posts_with_delays, tagged_client,
};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use reqwest::Client;

pub const EXERCISE: Exercise = Exercise {
    number: 3,
    file: "lessons/lesson-03/src/exercises/fetch_posts.rs",
};

/// Every request answers after this long in the concurrency check: long enough that a busy
/// machine cannot make requests sent together look like requests sent one by one.
const LATENCY: Duration = Duration::from_millis(400);

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Vec<Result<Post, reqwest::Error>>,
{
    returns_one_post_per_id_in_the_order_of_ids(&candidate).await?;
    sends_every_request_before_the_first_answer(&candidate).await?;
    sends_every_request_through_the_given_client(&candidate).await?;
    reports_a_failed_id_without_losing_the_others(&candidate).await
}

/// One result per id, in the order of `ids`, even when the answers arrive in another order.
pub async fn returns_one_post_per_id_in_the_order_of_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Vec<Result<Post, reqwest::Error>>,
{
    // Post 3 answers last and post 1 first: the finishing order is 1, 2, 3.
    let server = posts_with_delays(&[
        (3, Duration::from_millis(300)),
        (1, Duration::ZERO),
        (2, Duration::from_millis(150)),
    ])
    .await;
    let client = tagged_client(&server.uri());
    let ids = [3, 1, 2];

    let results = EXERCISE
        .run(candidate(&client, &server.uri(), &ids))
        .await?;

    let requests = server.received_requests().await.unwrap_or_default();
    if requests.len() < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "the server at `base_url` received {} of the {} requests: build each URL from \
             `base_url` (format!(\"{{base_url}}/posts/{{id}}\")) instead of a fixed address",
            requests.len(),
            ids.len()
        )));
    }
    if results.len() != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked for {} ids and got {} results: return exactly one result per id",
            ids.len(),
            results.len()
        )));
    }
    let got: Vec<String> = results
        .iter()
        .map(|result| match result {
            Ok(post) => post.id.to_string(),
            Err(_) => "error".to_owned(),
        })
        .collect();
    if got != ["3", "1", "2"] {
        return Err(EXERCISE.fail(&format!(
            "for ids [3, 1, 2] the results held posts [{}]; the answers arrived in the order 1, \
             2, 3. Return them in the order of `ids`: `join_all` keeps that order, collecting \
             from `FuturesUnordered` or `buffer_unordered` does not",
            got.join(", ")
        )));
    }
    for (id, result) in ids.iter().zip(&results) {
        let title = result
            .as_ref()
            .map(|post| post.title.clone())
            .unwrap_or_default();
        if title != post_title(*id) {
            return Err(EXERCISE.fail(&format!(
                "post {id} came back with the title {title:?} instead of {:?}",
                post_title(*id)
            )));
        }
    }
    Ok(())
}

/// All requests are in flight together: the last one reaches the server before the first
/// answer leaves it.
pub async fn sends_every_request_before_the_first_answer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Vec<Result<Post, reqwest::Error>>,
{
    let api = MockApi::builder()
        .latency(Latency::Fixed(LATENCY))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids: Vec<u64> = (1..=10).collect();

    EXERCISE.run(candidate(&client, &api.uri(), &ids)).await?;

    let arrived = api.arrivals().len();
    let peak = api.peak_in_flight();
    if arrived == ids.len() && peak == ids.len() {
        return Ok(());
    }
    Err(EXERCISE.fail(&if arrived < ids.len() {
        format!("the server received {arrived} of {} requests", ids.len())
    } else if peak == 1 {
        format!(
            "all {} requests arrived one after another, each only after the previous answer: is \
             there an `.await` inside your loop? Build every future first, then await them together",
            ids.len()
        )
    } else {
        format!(
            "at most {peak} of the {} requests were in flight at the same time; all of them \
             should be: await them together with `join_all`",
            ids.len()
        )
    }))
}

/// Every request goes through the client given as an argument.
pub async fn sends_every_request_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Vec<Result<Post, reqwest::Error>>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    EXERCISE
        .run(candidate(&client, &api.uri(), &[1, 2, 3]))
        .await?;

    let strangers = api
        .arrivals()
        .iter()
        .filter(|a| !is_tagged(&a.headers))
        .count();
    if strangers > 0 {
        return Err(EXERCISE.fail(&format!(
            "{strangers} of the requests did not come from the `client` you were given: do not \
             build a new `Client` (or call `reqwest::get`) per request; a new client opens a new \
             connection every time, the given one reuses its connections"
        )));
    }
    Ok(())
}

/// A post that fails (here: the server answers 500 for post 3) is an `Err` in its place, and
/// the other posts still arrive.
pub async fn reports_a_failed_id_without_losing_the_others<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Vec<Result<Post, reqwest::Error>>,
{
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![3]),
            effect: FaultEffect::Status(500),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [1, 2, 3, 4, 5];

    let results = EXERCISE.run(candidate(&client, &api.uri(), &ids)).await?;

    if results.len() != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked for 5 ids, one of which fails, and got {} results: a failure must take its \
             place in the list as an `Err`, not shorten the list (`join_all`, not `try_join_all`)",
            results.len()
        )));
    }
    let lost: Vec<u64> = ids
        .iter()
        .zip(&results)
        .filter(|(id, result)| **id != 3 && result.is_err())
        .map(|(id, _)| *id)
        .collect();
    if !lost.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "post 3 failed with a 500, and posts {lost:?} were lost with it: keep each post's \
             result separate (`join_all`, not `try_join_all`)"
        )));
    }
    match &results[2] {
        Ok(_) => Err(EXERCISE
            .fail("the server answered 500 for post 3, yet its result is `Ok`: check the status")),
        Err(err) if err.status().map(|s| s.as_u16()) == Some(500) => Ok(()),
        Err(err) => Err(EXERCISE.fail(&format!(
            "the server answered 500 for post 3, but its error says: {err}. Call \
             `.error_for_status()` before decoding, so the error is about the status and not \
             about a body that is not a post"
        ))),
    }
}
