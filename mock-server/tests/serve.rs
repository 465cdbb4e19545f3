//! How [`serve`] stops: what a long-running server owes the clients connected to it when it is
//! told to quit. (What it answers while running is checked by the other test files, which run
//! against both front ends.)

mod common;

use std::time::{Duration, Instant};

use common::client;
use mock_server::{Latency, ServeOptions, serve};
use tokio::sync::oneshot;

/// When the shutdown future completes, `serve` stops accepting at once, lets the answer already
/// under way finish, and returns `Ok` soon after.
#[tokio::test]
async fn serve_finishes_answers_under_way_then_returns_and_refuses_newcomers() {
    const LATENCY: Duration = Duration::from_millis(300);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let options = ServeOptions {
        latency: Latency::Fixed(LATENCY),
        ..ServeOptions::default()
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, options, async {
        let _ = stopped.await;
    }));

    let client = client();
    // A first request opens a keep-alive connection, so the second one, on the same
    // connection, is known to reach a server that accepted it.
    let first = client.get(format!("{base}/posts/1")).send().await.unwrap();
    assert_eq!(first.status(), 200);
    first.bytes().await.unwrap();
    let under_way = tokio::spawn(client.get(format!("{base}/posts/1")).send());
    // Stop while that request waits out its latency.
    tokio::time::sleep(LATENCY / 3).await;
    let stopping_at = Instant::now();
    stop.send(()).unwrap();

    let response = under_way
        .await
        .unwrap()
        .expect("the answer under way arrives");
    assert_eq!(response.status(), 200);
    let result = tokio::time::timeout(Duration::from_secs(3), server)
        .await
        .expect("serve returns once the answer is out")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    assert!(
        stopping_at.elapsed() < LATENCY * 3,
        "stopping took {:?}",
        stopping_at.elapsed()
    );

    let newcomer = client.get(format!("{base}/posts/1")).send().await;
    assert!(newcomer.is_err(), "a stopped server still answered");
}
