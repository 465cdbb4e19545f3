//! Lesson 09: testing HTTP code.
//!
//! How do you test code whose whole job is to talk to a server? Not against the real server:
//! it is slow, shared, changes its data, and cannot be told to fail on cue. Instead each test
//! starts a small fake server of its own (wiremock's `MockServer`), says which requests it
//! answers and how, runs the code against it, and then asks the server what it received. That
//! is how every check of this course works, and this lesson teaches it as a skill.
//!
//! It only works if the code under test lets the test choose the server. A client that
//! hard-codes `https://jsonplaceholder.typicode.com` can only ever be tested against the
//! internet; one that takes a `base_url` can be pointed at `MockServer::uri()`. [`TodoClient`]
//! is built that way: it is the code under test in this lesson, its tests, and its exercise.
//!
//! - [`TodoClient`]: a small client for `/todos`, with a typed error, [`TodoError`];
//! - [`scenarios`]: the scripted experiments `cargo run -p lesson-09` shows, one testing tool
//!   each (matchers, expectations, scripted failures, latency, dropped connections,
//!   concurrency seen by the server);
//! - [`outcome`]: how a test ends (passed, failed, panicked), caught instead of crashing;
//! - [`exercises`]: exercise 14, where you write the tests.

pub mod exercises;
pub mod outcome;
pub mod scenarios;

use std::error::Error as _;

use futures::future::BoxFuture;
use lesson_support::models::Todo;
use reqwest::{Client, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::json;

// ANCHOR: todo_error
/// Why a call to the todo API failed, in the terms a caller (and a test) acts on.
#[derive(Debug, thiserror::Error)]
pub enum TodoError {
    /// The server answered with an error status (404, 500, …). A test can ask for exactly this.
    #[error("the server answered {0}")]
    Status(StatusCode),
    /// No answer: refused, reset, dropped mid-way, or too slow.
    #[error("no answer from the server")]
    Transport(#[source] reqwest::Error),
    /// An answer with a success status whose body is not the JSON expected.
    #[error("the answer is not the JSON expected")]
    Decode(#[source] reqwest::Error),
}
// ANCHOR_END: todo_error

// ANCHOR: todo_client
/// A client for JSONPlaceholder's todos.
///
/// It takes the server's address instead of knowing it: production code passes the real API's
/// URL, a test passes its `MockServer::uri()`. That one parameter is what makes it testable.
#[derive(Debug, Clone)]
pub struct TodoClient {
    /// The shared client: its connection pool serves every call (a clone is cheap).
    client: Client,
    /// Where the API lives, without a trailing slash: `http://127.0.0.1:41234`.
    base_url: String,
}

impl TodoClient {
    /// A client for the API at `base_url`, sending through `client`.
    pub fn new(client: Client, base_url: &str) -> TodoClient {
        TodoClient {
            client,
            base_url: base_url.trim_end_matches('/').to_owned(),
        }
    }

    /// `GET /todos/{id}`.
    ///
    /// # Errors
    /// See [`TodoError`]: a missing todo is `Status(404)`.
    pub async fn get_todo(&self, id: u64) -> Result<Todo, TodoError> {
        let request = self.client.get(format!("{}/todos/{id}", self.base_url));
        send(request).await
    }

    /// `GET /todos?userId={user_id}`: the todos of one user (an empty list for an unknown
    /// user: a filter that matches nothing is not an error).
    ///
    /// # Errors
    /// See [`TodoError`].
    pub async fn todos_for_user(&self, user_id: u64) -> Result<Vec<Todo>, TodoError> {
        // `.query` writes and escapes `?userId=3`: no string formatting of query strings.
        let request = self
            .client
            .get(format!("{}/todos", self.base_url))
            .query(&[("userId", user_id)]);
        send(request).await
    }

    /// Marks todo `id` as done: `PATCH /todos/{id}` with the JSON body `{"completed": true}`,
    /// and returns the todo as the server has it afterwards.
    ///
    /// PATCH, not PUT: PUT replaces the whole todo with the body, so the title and owner would
    /// be lost; PATCH changes only the fields it sends.
    ///
    /// # Errors
    /// See [`TodoError`].
    pub async fn complete(&self, id: u64) -> Result<Todo, TodoError> {
        // `.json(..)` serialises the body *and* sets `Content-Type: application/json`, without
        // which a JSON server (JSONPlaceholder included) would ignore the body.
        let request = self
            .client
            .patch(format!("{}/todos/{id}", self.base_url))
            .json(&json!({ "completed": true }));
        send(request).await
    }
}

/// Sends a request and decodes a success's JSON body, sorting each failure into its
/// [`TodoError`] variant.
async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, TodoError> {
    let response = request.send().await.map_err(TodoError::Transport)?;
    // The status first: a 500's body is not a todo, and "missing field" would hide the 500.
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        return Err(TodoError::Status(status));
    }
    response.json::<T>().await.map_err(|err| {
        // `json()` reads the body, then parses it, and reqwest calls a failure of either a
        // decode error (`is_decode()`). Only a `serde_json::Error` behind it means the body
        // arrived and has the wrong shape; a body that never arrived whole (too slow, the
        // connection dropped half-way) is no answer.
        if err
            .source()
            .is_some_and(|cause| cause.is::<serde_json::Error>())
        {
            TodoError::Decode(err)
        } else {
            TodoError::Transport(err)
        }
    })
}
// ANCHOR_END: todo_client

// ANCHOR: complete_todo
/// "Complete todo `id` on the server at `base_url`", as a value that a test receives.
///
/// A test that takes the code under test as an argument can be run against more than one
/// version of it. Exercise 14's tests receive one of these: the course runs them against a
/// correct implementation, which they must pass, and against deliberately broken ones, which
/// they must fail. Call it like a function: `complete(&server.uri(), 7).await`.
///
/// (The boxed future is what lets different implementations share one type; it changes
/// nothing for the caller.)
pub type CompleteTodo =
    dyn for<'a> Fn(&'a str, u64) -> BoxFuture<'a, Result<Todo, TodoError>> + Send + Sync;

/// [`TodoClient::complete`] as a [`CompleteTodo`]: a new client for the given `base_url` on
/// every call, with the course's settings.
pub fn complete_with_todo_client() -> Box<CompleteTodo> {
    Box::new(|base_url, id| {
        Box::pin(async move {
            let client = lesson_support::client::client(base_url).map_err(TodoError::Transport)?;
            TodoClient::new(client, base_url).complete(id).await
        })
    })
}
// ANCHOR_END: complete_todo
