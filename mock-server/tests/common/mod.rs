//! What the test files share: a way to start either front end with the same knobs, a macro
//! that runs one test against both, and a quick contract check the binary tests reuse.
//!
//! The crate answers through two front ends, wiremock ([`MockApi`]) and hyper ([`serve`]), and
//! promises they behave the same. The way to keep that promise is to hold both to the very same
//! assertions: a test written once, as `async fn name(front: Front)`, and run twice by
//! [`on_both_front_ends!`], as `on_wiremock::name` and `on_hyper::name`, so a failure names the
//! front end that broke.
//!
//! Each test file compiles this module separately and uses only part of it, hence the
//! `dead_code` allowance.
#![allow(dead_code)]

use std::time::Duration;

use mock_server::{MockApi, ServeOptions, serve};
use reqwest::{Client, Method, StatusCode, header::HeaderMap};
use serde_json::{Value, json};
use tokio::sync::oneshot;

/// Which front end a test runs against.
#[derive(Clone, Copy, Debug)]
pub enum Front {
    Wiremock,
    Hyper,
}

/// A running server, either front end. Stops when dropped.
pub enum Api {
    Wiremock(MockApi),
    /// A [`serve`] task. Dropping the sender completes the shutdown future the server waits on.
    Hyper {
        uri: String,
        _stop: oneshot::Sender<()>,
    },
}

impl Front {
    /// Starts a server with the default knobs.
    pub async fn start(self) -> Api {
        self.start_with(ServeOptions::default()).await
    }

    /// Starts a server with these knobs, on an OS-picked loopback port.
    pub async fn start_with(self, options: ServeOptions) -> Api {
        match self {
            Front::Wiremock => {
                let mut builder = MockApi::builder()
                    .latency(options.latency)
                    .seed(options.seed)
                    .base_path(&options.base_path);
                for fault in options.faults {
                    builder = builder.fault(fault);
                }
                Api::Wiremock(builder.start().await)
            }
            Front::Hyper => {
                let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
                let uri = format!(
                    "http://{}{}",
                    listener.local_addr().expect("an address"),
                    options.base_path
                );
                let (stop, stopped) = oneshot::channel::<()>();
                tokio::spawn(serve(listener, options, async {
                    let _ = stopped.await;
                }));
                Api::Hyper { uri, _stop: stop }
            }
        }
    }
}

impl Api {
    /// The base URL without a trailing slash.
    pub fn uri(&self) -> String {
        match self {
            Api::Wiremock(api) => api.uri(),
            Api::Hyper { uri, .. } => uri.clone(),
        }
    }
}

/// Turns `async fn name(front: Front)` test bodies into two `#[tokio::test]`s each, one per
/// front end, in modules `on_wiremock` and `on_hyper`.
#[macro_export]
macro_rules! on_both_front_ends {
    ($($name:ident),* $(,)?) => {
        mod on_wiremock {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::common::Front::Wiremock).await
                }
            )*
        }
        mod on_hyper {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::common::Front::Hyper).await
                }
            )*
        }
    };
}

/// Installs rustls' `ring` crypto provider, which the workspace builds reqwest to expect
/// (`rustls-no-provider`); the lessons get it from `lesson_support::client`.
pub fn install_tls_provider() {
    // `Err`: already installed by an earlier test of this process.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A client that never goes through a proxy from the environment: the server is on loopback.
pub fn client() -> Client {
    install_tls_provider();
    Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a plain client builds")
}

/// Status, headers and body text of a request to `base` + `path`.
pub async fn send_to(
    base: &str,
    method: Method,
    path: &str,
    body: Option<&str>,
) -> (StatusCode, HeaderMap, String) {
    let mut request = client().request(method, format!("{base}{path}"));
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let response = request.send().await.expect("the mock answers");
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("a text body"))
}

/// The promises a learner meets first, checked quickly against any running server at `base`:
/// an item, a sliced list with its total, a 404, a created item, HEAD, and JSON everywhere. The
/// full contract is `api_contract.rs`; this is for servers that are costly to start, such as
/// the binary.
pub async fn check_core_contract(base: &str) {
    const JSON: &str = "application/json; charset=utf-8";

    let (status, headers, body) = send_to(base, Method::GET, "/posts/1", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], JSON);
    let post: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        (post["id"].clone(), post["userId"].clone()),
        (json!(1), json!(1))
    );

    let (status, headers, body) = send_to(base, Method::GET, "/posts?_limit=3", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-total-count"], "100");
    assert_eq!(headers["content-type"], JSON);
    let list: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(3));

    let (status, headers, body) = send_to(base, Method::GET, "/posts/101", None).await;
    assert_eq!((status, body.as_str()), (StatusCode::NOT_FOUND, "{}"));
    assert_eq!(headers["content-type"], JSON);

    let (status, headers, body) =
        send_to(base, Method::POST, "/posts", Some(r#"{"title":"foo"}"#)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(headers["content-type"], JSON);
    assert_eq!(
        serde_json::from_str::<Value>(&body).expect("JSON"),
        json!({"title": "foo", "id": 101})
    );

    // HEAD is GET without the body: same status and headers, including the length it would be.
    let (_, get_headers, get_body) = send_to(base, Method::GET, "/users/1", None).await;
    let (status, headers, body) = send_to(base, Method::HEAD, "/users/1", None).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));
    assert_eq!(headers["content-type"], JSON);
    assert_eq!(
        headers["content-length"],
        get_body.len().to_string().as_str()
    );
    assert_eq!(get_headers["content-length"], headers["content-length"]);
}
