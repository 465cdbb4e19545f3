//! The course's file route, `GET /files/{size}` (not part of JSONPlaceholder): the bytes, the
//! headers a downloader reads, ranges and `If-Range`, under a base path, on both front ends; and
//! on the hyper front end, the body sent in pieces with the latency before each.

// The test bodies are `async fn`s that `on_both_front_ends!` turns into `#[tokio::test]`s,
// so clippy's `allow-unwrap-in-tests` does not see them as tests. They are: an `unwrap` here is
// a test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{Front, client};
use mock_server::{Latency, PIECE, ServeOptions, file_bytes};
use reqwest::header::{CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE, ETAG, IF_RANGE, RANGE};

on_both_front_ends!(
    serves_the_whole_file_with_its_length_and_tag,
    serves_a_range_with_206_and_its_slice,
    answers_416_to_a_range_past_the_end,
    sends_the_whole_file_when_if_range_names_another_tag,
    answers_404_to_sizes_it_does_not_serve,
    lives_under_the_base_path,
);

/// Not a round number, and more than two pieces.
const SIZE: u64 = 150_001;

async fn serves_the_whole_file_with_its_length_and_tag(front: Front) {
    let api = front.start().await;
    let response = client()
        .get(format!("{}/files/{SIZE}", api.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers[CONTENT_TYPE], "application/octet-stream");
    assert_eq!(headers[CONTENT_LENGTH], SIZE.to_string().as_str());
    assert_eq!(headers["accept-ranges"], "bytes");
    assert_eq!(headers[ETAG], "\"file-150001\"");
    let body = response.bytes().await.unwrap();
    assert!(body[..] == file_bytes(0..SIZE)[..], "the bytes differ");
}

async fn serves_a_range_with_206_and_its_slice(front: Front) {
    let api = front.start().await;
    for (range, slice, content_range) in [
        ("bytes=70000-", 70_000..SIZE, "bytes 70000-150000/150001"),
        ("bytes=3-9", 3..10, "bytes 3-9/150001"),
        ("bytes=-1", SIZE - 1..SIZE, "bytes 150000-150000/150001"),
    ] {
        let response = client()
            .get(format!("{}/files/{SIZE}", api.uri()))
            .header(RANGE, range)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 206, "{range}");
        assert_eq!(response.headers()[CONTENT_RANGE], content_range, "{range}");
        let body = response.bytes().await.unwrap();
        assert!(
            body[..] == file_bytes(slice)[..],
            "{range}: the bytes differ"
        );
    }
}

async fn answers_416_to_a_range_past_the_end(front: Front) {
    let api = front.start().await;
    let response = client()
        .get(format!("{}/files/{SIZE}", api.uri()))
        .header(RANGE, "bytes=150001-")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 416);
    assert_eq!(response.headers()[CONTENT_RANGE], "bytes */150001");
    assert!(response.bytes().await.unwrap().is_empty());
}

async fn sends_the_whole_file_when_if_range_names_another_tag(front: Front) {
    let api = front.start().await;
    let response = client()
        .get(format!("{}/files/{SIZE}", api.uri()))
        .header(RANGE, "bytes=100-")
        .header(IF_RANGE, "\"file-99\"")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.unwrap().len() as u64, SIZE);
}

async fn answers_404_to_sizes_it_does_not_serve(front: Front) {
    let api = front.start().await;
    for path in ["/files/1k", "/files/-1", "/files/1099511627777", "/files"] {
        let response = client()
            .get(format!("{}{path}", api.uri()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }
}

async fn lives_under_the_base_path(front: Front) {
    let api = front
        .start_with(ServeOptions {
            base_path: "/api".into(),
            ..ServeOptions::default()
        })
        .await;
    let inside = client()
        .get(format!("{}/files/10", api.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(inside.status(), 200);
    assert_eq!(inside.bytes().await.unwrap()[..], file_bytes(0..10)[..]);
    let outside = api.uri().replace("/api", "/files/10");
    assert_eq!(client().get(outside).send().await.unwrap().status(), 404);
}

/// On the hyper front end, each piece of the body waits out the latency, so a download of
/// several pieces arrives over time, a piece at a time, not all at once after one wait.
#[tokio::test]
async fn hyper_sends_the_file_a_piece_at_a_time_with_the_latency_before_each() {
    const LATENCY: Duration = Duration::from_millis(100);
    let api = Front::Hyper
        .start_with(ServeOptions {
            latency: Latency::Fixed(LATENCY),
            ..ServeOptions::default()
        })
        .await;
    // Four pieces: the head after one latency, then each piece after another.
    let size = 4 * PIECE as u64;
    let started = Instant::now();
    let mut response = client()
        .get(format!("{}/files/{size}", api.uri()))
        .send()
        .await
        .unwrap();
    let mut arrivals = Vec::new();
    let mut received = 0;
    while let Some(chunk) = response.chunk().await.unwrap() {
        received += chunk.len();
        arrivals.push((received, started.elapsed()));
    }
    assert_eq!(received as u64, size);
    let total = started.elapsed();
    assert!(
        total >= LATENCY * 5,
        "head and four pieces, each after 100 ms, arrived within {total:?}"
    );
    // Half the file was in well before the end: it came in pieces over time.
    let half = arrivals
        .iter()
        .find(|(bytes, _)| *bytes as u64 >= size / 2)
        .map(|(_, at)| *at)
        .unwrap();
    assert!(
        half + LATENCY <= total,
        "half the file arrived at {half:?}, the whole at {total:?}"
    );
}
