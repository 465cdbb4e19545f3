//! The checks of exercise 1 (`fetch_post`), run against your file, the reference solution and
//! the course's typical wrong answers.

use lesson_support::models::Post;
use lesson_support::testing::{Exercise, Verdict, is_tagged, tagged_client};
use mock_server::MockApi;
use reqwest::Client;

pub const EXERCISE: Exercise = Exercise {
    number: 1,
    file: "lessons/lesson-01/src/exercises/fetch_post.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>;
    returns_the_post_it_was_asked_for,
    sends_one_get_through_the_given_client,
    reports_a_missing_post_as_a_404,
}

/// Post 7 comes back whole: the right id, user and title.
pub async fn returns_the_post_it_was_asked_for<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    // What the server holds for post 7, read from a second, identical server.
    let reference = MockApi::start().await;
    let expected: Post = reqwest::get(format!("{}/posts/7", reference.uri()))
        .await
        .and_then(|response| response.error_for_status())
        .map_err(|err| format!("the check's own server failed: {err}"))?
        .json()
        .await
        .map_err(|err| format!("the check's own server sent a bad post: {err}"))?;
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let result = EXERCISE.run(candidate(&client, &api.uri(), 7)).await?;

    let paths: Vec<String> = api.arrivals().into_iter().map(|a| a.path).collect();
    if paths.is_empty() {
        return Err(EXERCISE.fail(
            "no request reached the server at `base_url`: build the URL from `base_url` \
             (format!(\"{base_url}/posts/{id}\")) instead of a fixed address",
        ));
    }
    if paths != ["/posts/7"] {
        return Err(EXERCISE.fail(&format!(
            "asked for post 7, the server received {paths:?}; expected one GET /posts/7: use \
             `id` in the path"
        )));
    }
    match result {
        Ok(post) if post == expected => Ok(()),
        Ok(post) => Err(EXERCISE.fail(&format!(
            "asked for post 7 and got {post:?}; expected {expected:?}"
        ))),
        Err(err) => {
            Err(EXERCISE.fail(&format!("post 7 exists, yet the result is an error: {err}")))
        }
    }
}

/// The request goes through the client given as an argument, once.
pub async fn sends_one_get_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let _ = EXERCISE.run(candidate(&client, &api.uri(), 2)).await?;

    let arrivals = api.arrivals();
    match arrivals.as_slice() {
        [one] if one.method == "GET" && is_tagged(&one.headers) => Ok(()),
        [one] if one.method == "GET" => Err(EXERCISE.fail(
            "the request did not come from the `client` you were given: use `client.get(…)`, \
             not `reqwest::get` or a new `Client`; a program shares one client, whose \
             connections are reused",
        )),
        other => Err(EXERCISE.fail(&format!(
            "expected exactly one GET, the server received {}: {:?}",
            other.len(),
            other
                .iter()
                .map(|a| format!("{} {}", a.method, a.path))
                .collect::<Vec<_>>()
        ))),
    }
}

/// A post that does not exist is an `Err` carrying the 404.
pub async fn reports_a_missing_post_as_a_404<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<Post, reqwest::Error>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    match EXERCISE.run(candidate(&client, &api.uri(), 101)).await? {
        Ok(post) => Err(EXERCISE.fail(&format!(
            "post 101 does not exist (the server answered 404), yet the result is Ok({post:?})"
        ))),
        Err(err) if err.status() == Some(reqwest::StatusCode::NOT_FOUND) => Ok(()),
        Err(err) => Err(EXERCISE.fail(&format!(
            "the server answered 404 for post 101, but the error says: {err}. Call \
             `.error_for_status()` before decoding, so that the error is the 404 itself"
        ))),
    }
}
