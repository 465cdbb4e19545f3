//! The checks of exercise 4 (`slowest_request`), run against your file, the reference solution
//! and the course's typical wrong answers.

use std::time::Duration;

use lesson_support::testing::{Exercise, Verdict, is_tagged, posts_with_delays, tagged_client};
use mock_server::{Latency, MockApi};
use reqwest::Client;

pub const EXERCISE: Exercise = Exercise {
    number: 4,
    file: "lessons/lesson-03/src/exercises/slowest_request.rs",
};

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    finds_the_slowest_request(&candidate).await?;
    sends_every_request_before_the_first_answer(&candidate).await?;
    sends_every_request_through_the_given_client(&candidate).await?;
    returns_none_for_no_ids(&candidate).await
}

/// With one post much slower than the rest, its id is the answer.
pub async fn finds_the_slowest_request<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let ms = Duration::from_millis;
    // Post 9 is the slowest; post 7 the fastest. None of them sits at the first or last place.
    let server = posts_with_delays(&[(5, ms(100)), (9, ms(450)), (7, ms(0)), (2, ms(200))]).await;
    let client = tagged_client(&server.uri());
    let ids = [5, 9, 7, 2];

    let slowest = EXERCISE
        .run(candidate(&client, &server.uri(), &ids))
        .await?;

    let received = server.received_requests().await.unwrap_or_default().len();
    match slowest {
        _ if received < ids.len() => Err(EXERCISE.fail(&format!(
            "the server at `base_url` received {received} of the {} requests: build each URL \
             from `base_url` instead of a fixed address",
            ids.len()
        ))),
        Some(9) => Ok(()),
        Some(7) => Err(EXERCISE.fail(
            "got post 7, the fastest request; the slowest one was post 9 (450 ms): keep the \
             largest duration (`max_by_key`), not the smallest",
        )),
        other => Err(EXERCISE.fail(&format!(
            "for ids [5, 9, 7, 2], where post 9 takes 450 ms and the others 200 ms or less, got \
             {other:?} instead of Some(9): return the id, not its position, and time each request \
             from its own start to its own end"
        ))),
    }
}

/// All requests are in flight together.
pub async fn sends_every_request_before_the_first_answer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(400)))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids: Vec<u64> = (1..=8).collect();

    EXERCISE.run(candidate(&client, &api.uri(), &ids)).await?;

    let peak = api.peak_in_flight();
    if peak == ids.len() {
        Ok(())
    } else if peak <= 1 {
        Err(EXERCISE.fail(&format!(
            "the {} requests reached the server one after another: is there an `.await` \
             inside your loop? Time each request inside its own future and await them together",
            ids.len()
        )))
    } else {
        Err(EXERCISE.fail(&format!(
            "at most {peak} of the {} requests were in flight at the same time; all of them \
             should be",
            ids.len()
        )))
    }
}

/// Every request goes through the client given as an argument.
pub async fn sends_every_request_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    EXERCISE
        .run(candidate(&client, &api.uri(), &[1, 2, 3]))
        .await?;

    let arrivals = api.arrivals();
    let strangers = arrivals.iter().filter(|a| !is_tagged(&a.headers)).count();
    if arrivals.is_empty() || strangers > 0 {
        return Err(EXERCISE.fail(&format!(
            "{strangers} of {} requests did not come from the `client` you were given: send \
             every request through it instead of a new `Client` or `reqwest::get`",
            arrivals.len()
        )));
    }
    Ok(())
}

/// No ids, no requests, no slowest one, and no panic.
pub async fn returns_none_for_no_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    match EXERCISE.run(candidate(&client, &api.uri(), &[])).await? {
        None => Ok(()),
        Some(id) => Err(EXERCISE.fail(&format!(
            "with no ids there is no slowest request, yet the answer was Some({id}): return None"
        ))),
    }
}
