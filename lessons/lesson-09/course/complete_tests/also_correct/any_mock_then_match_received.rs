//! Right: mounts one `any()` mock that answers the todo to every request (with `.expect(1)`), then checks the single received request by applying wiremock's matchers by hand (`Match::matches` on `received_requests()`), instead of letting matchers turn a wrong request into a 404; the 500 body is raw JSON bytes and the status is compared with `StatusCode::INTERNAL_SERVER_ERROR`.

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Match, Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    let id = 23;
    let answered = Todo {
        user_id: 9,
        id,
        title: "book the piano tuner".to_owned(),
        completed: true,
    };
    // Answer everything: the verdict comes from what was received, not from a 404.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(&answered))
        .expect(1)
        .named("any request")
        .mount(&server)
        .await;

    let result = complete(&base_url, id).await;

    let received = server
        .received_requests()
        .await
        .ok_or("request recording is off")?;
    let [request] = received.as_slice() else {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    };
    let rules: [(&str, Box<dyn Match>); 4] = [
        ("method PATCH", Box::new(method("PATCH"))),
        ("path /api/v1/todos/23", Box::new(path("/api/v1/todos/23"))),
        (
            "Content-Type: application/json",
            Box::new(header("content-type", "application/json")),
        ),
        (
            "body {\"completed\": true}",
            Box::new(body_json(json!({ "completed": true }))),
        ),
    ];
    for (rule, matcher) in &rules {
        if !matcher.matches(request) {
            return Err(format!(
                "the request broke `{rule}`: {} {} {:?}",
                request.method,
                request.url,
                String::from_utf8_lossy(&request.body)
            ));
        }
    }

    let returned = result.map_err(|err| format!("complete failed: {err:?}"))?;
    if returned != answered {
        return Err(format!(
            "complete returned {returned:?}, the server answered {answered:?}"
        ));
    }
    Ok(())
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    // A todo's JSON as the 500's body: a client that skips the status check would decode it.
    let body =
        json!({ "completed": false, "title": "book the piano tuner", "id": 23, "userId": 9 });
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_raw(body.to_string(), "application/json"))
        .mount(&server)
        .await;

    let result = complete(&base_url, 23).await;

    if let Err(TodoError::Status(StatusCode::INTERNAL_SERVER_ERROR)) = result {
        Ok(())
    } else {
        Err(format!(
            "a 500 should give Err(Status(500)), got {result:?}"
        ))
    }
}
