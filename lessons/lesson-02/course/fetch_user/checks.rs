//! The checks of exercise 2 (`fetch_user`), run against your file, the reference solution and
//! the course's typical wrong answers.

use lesson_support::models::User;
use lesson_support::testing::{
    Exercise, Verdict, is_tagged, server_answering, tagged_client, unused_local_url,
};
use mock_server::{Fault, FaultEffect, FaultSelect, MockApi};
use reqwest::Client;
use wiremock::ResponseTemplate;

use crate::UserError;

pub const EXERCISE: Exercise = Exercise {
    number: 2,
    file: "lessons/lesson-02/src/exercises/fetch_user.rs",
};

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    returns_the_user_it_was_asked_for(&candidate).await?;
    a_404_is_not_found(&candidate).await?;
    another_error_status_is_a_server_error(&candidate).await?;
    no_answer_is_unreachable(&candidate).await?;
    a_body_that_is_not_a_user_is_a_bad_body(&candidate).await
}

/// Names the variant of a result, for messages.
fn variant(result: &Result<User, UserError>) -> String {
    match result {
        Ok(user) => format!("Ok(user {})", user.id),
        Err(UserError::NotFound(id)) => format!("Err(NotFound({id}))"),
        Err(UserError::Server(status)) => format!("Err(Server({status}))"),
        Err(UserError::Unreachable(_)) => "Err(Unreachable(..))".to_owned(),
        Err(UserError::BadBody(_)) => "Err(BadBody(..))".to_owned(),
    }
}

/// User 3 comes back whole, fetched with one GET through the given client.
pub async fn returns_the_user_it_was_asked_for<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    // What the server holds for user 3, read from a second, identical server.
    let reference = MockApi::start().await;
    let expected: User = reqwest::get(format!("{}/users/3", reference.uri()))
        .await
        .map_err(|err| format!("the check's own server failed: {err}"))?
        .json()
        .await
        .map_err(|err| format!("the check's own server sent a bad user: {err}"))?;
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let result = EXERCISE.run(candidate(&client, &api.uri(), 3)).await?;

    let arrivals = api.arrivals();
    if arrivals.is_empty() {
        return Err(EXERCISE.fail(
            "no request reached the server at `base_url`: build the URL from `base_url` \
             (format!(\"{base_url}/users/{id}\")) instead of a fixed address",
        ));
    }
    let paths: Vec<&str> = arrivals.iter().map(|a| a.path.as_str()).collect();
    if paths != ["/users/3"] {
        return Err(EXERCISE.fail(&format!(
            "asked for user 3, the server received {paths:?}; expected one GET /users/3"
        )));
    }
    if !is_tagged(&arrivals[0].headers) {
        return Err(EXERCISE.fail(
            "the request did not come from the `client` you were given: use `client.get(…)`, \
             not `reqwest::get` or a new `Client`",
        ));
    }
    match result {
        Ok(user) if user == expected => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "user 3 exists, yet the result is {}",
            variant(&other)
        ))),
    }
}

/// A 404 is `NotFound` with the id asked for.
pub async fn a_404_is_not_found<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let result = EXERCISE.run(candidate(&client, &api.uri(), 11)).await?;

    match result {
        Err(UserError::NotFound(11)) => Ok(()),
        Err(UserError::BadBody(_)) => Err(EXERCISE.fail(
            "the server answered 404 for user 11, and the result is BadBody: the body `{}` was \
             decoded without looking at the status first. Check `response.status()` before \
             reading the body",
        )),
        other => Err(EXERCISE.fail(&format!(
            "the server answered 404 for user 11; expected Err(NotFound(11)), got {}",
            variant(&other)
        ))),
    }
}

/// Any other error status is `Server` with that status.
pub async fn another_error_status_is_a_server_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![2]),
            effect: FaultEffect::Status(503),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());

    let result = EXERCISE.run(candidate(&client, &api.uri(), 2)).await?;

    match result {
        Err(UserError::Server(status)) if status.as_u16() == 503 => Ok(()),
        Err(UserError::NotFound(_)) => Err(EXERCISE.fail(
            "the server answered 503 Service Unavailable for user 2, and the result is \
             NotFound: only a 404 means \"no such user\"; a 5xx is the server failing, which \
             is worth a retry later. Return Server(status) for it",
        )),
        other => Err(EXERCISE.fail(&format!(
            "the server answered 503 for user 2; expected Err(Server(503 Service \
             Unavailable)), got {}",
            variant(&other)
        ))),
    }
}

/// No server at all is `Unreachable`, and not a panic.
pub async fn no_answer_is_unreachable<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let base_url = unused_local_url();
    let client = tagged_client(&base_url);

    match EXERCISE.run(candidate(&client, &base_url, 1)).await? {
        Err(UserError::Unreachable(err)) if err.is_connect() => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "nothing listens at `base_url` (the connection is refused); expected \
             Err(Unreachable(..)), got {}",
            variant(&other)
        ))),
    }
}

/// A success whose body is not a user is `BadBody`.
pub async fn a_body_that_is_not_a_user_is_a_bad_body<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64) -> Result<User, UserError>,
{
    let server = server_answering(ResponseTemplate::new(200).set_body_string(r#"{"id": 1}"#)).await;
    let client = tagged_client(&server.uri());

    match EXERCISE.run(candidate(&client, &server.uri(), 1)).await? {
        Err(UserError::BadBody(err)) if err.is_decode() => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "the server answered 200 with the body {{\"id\": 1}}, which is not a user; \
             expected Err(BadBody(..)), got {}",
            variant(&other)
        ))),
    }
}
