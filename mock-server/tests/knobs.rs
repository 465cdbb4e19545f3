//! The knobs the real API lacks: latency, faults, and the arrival log that lets a test see a
//! run from the server's side. Each test starts its own server on an OS-picked loopback port.
//!
//! Latency and faults must work the same through both front ends, so those tests run against
//! each (see `common/mod.rs`); where the wiremock one also has an arrival log, they check it
//! too. The arrival log itself exists only on the wiremock front end.

// The tests below are plain `async fn`s that `on_both_front_ends!` wraps in `#[tokio::test]`s,
// so clippy's `allow-unwrap-in-tests` does not see them as tests. They are: an `unwrap` here is
// an assertion, as in any test.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{Api, Front, client};
use futures::future::join_all;
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi, ServeOptions};
use reqwest::{Client, StatusCode};

on_both_front_ends!(
    a_fixed_latency_delays_every_answer,
    fixed_delays_overlap_so_concurrent_requests_finish_together,
    every_nth_fails_every_nth_request,
    a_random_share_fails_the_same_requests_for_the_same_seed,
    a_share_of_zero_fails_nothing_and_a_share_of_one_fails_everything,
    a_share_per_path_fails_the_same_attempts_whatever_the_arrival_order,
    a_share_per_path_counts_each_path_apart_and_ignores_the_query,
    chosen_ids_fail_wherever_the_path_names_them,
    a_status_fault_answers_that_status_with_an_empty_json_object,
    too_many_requests_carries_retry_after_in_whole_seconds,
    a_dropped_connection_is_an_error_for_the_client_not_a_response,
    the_first_fault_added_wins_when_several_select_a_request,
    a_base_path_moves_the_api_under_it_and_leaves_the_root_empty,
);

fn fault(select: FaultSelect, effect: FaultEffect) -> Fault {
    Fault { select, effect }
}

/// Knobs with these faults and nothing else.
fn faults(faults: impl IntoIterator<Item = Fault>) -> ServeOptions {
    ServeOptions {
        faults: faults.into_iter().collect(),
        ..ServeOptions::default()
    }
}

/// Knobs with this latency and nothing else.
fn latency(latency: Latency) -> ServeOptions {
    ServeOptions {
        latency,
        ..ServeOptions::default()
    }
}

/// The wiremock server behind `api`, to look at its arrival log; `None` on the hyper front end,
/// which keeps none.
fn logged(api: &Api) -> Option<&MockApi> {
    match api {
        Api::Wiremock(api) => Some(api),
        Api::Hyper { .. } => None,
    }
}

/// The statuses of `paths` requested one after another (0 for a request that got no answer).
async fn statuses(api: &impl Uri, paths: &[&str]) -> Vec<u16> {
    let client = client();
    let mut statuses = Vec::new();
    for path in paths {
        statuses.push(
            match client.get(format!("{}{path}", api.uri())).send().await {
                Ok(response) => response.status().as_u16(),
                Err(_) => 0,
            },
        );
    }
    statuses
}

/// `count` sequential `GET /posts/1` statuses.
async fn statuses_of_n(api: &impl Uri, count: usize) -> Vec<u16> {
    statuses(api, &vec!["/posts/1"; count]).await
}

/// Either kind of server, for the helpers above.
trait Uri {
    fn uri(&self) -> String;
}

impl Uri for Api {
    fn uri(&self) -> String {
        Api::uri(self)
    }
}

impl Uri for MockApi {
    fn uri(&self) -> String {
        MockApi::uri(self)
    }
}

/// A fixed latency delays the answer by at least that much.
async fn a_fixed_latency_delays_every_answer(front: Front) {
    let api = front
        .start_with(latency(Latency::Fixed(Duration::from_millis(200))))
        .await;
    let started = Instant::now();
    assert_eq!(statuses_of_n(&api, 2).await, [200, 200]);
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
    if let Some(api) = logged(&api) {
        assert!(
            api.arrivals()
                .iter()
                .all(|arrival| arrival.delay == Duration::from_millis(200))
        );
    }
}

/// Delays overlap: twenty concurrent requests at 300 ms take about 300 ms, not 6 s, and the
/// server saw all twenty in flight at once.
async fn fixed_delays_overlap_so_concurrent_requests_finish_together(front: Front) {
    const LATENCY: Duration = Duration::from_millis(300);
    let api = front.start_with(latency(Latency::Fixed(LATENCY))).await;
    let client = client();
    let started = Instant::now();
    let responses =
        join_all((1..=20).map(|id| client.get(format!("{}/posts/{id}", api.uri())).send())).await;
    let elapsed = started.elapsed();
    assert!(responses.iter().all(|response| {
        response
            .as_ref()
            .is_ok_and(|r| r.status() == StatusCode::OK)
    }));
    assert!(
        elapsed >= LATENCY && elapsed < 5 * LATENCY,
        "20 requests took {elapsed:?}"
    );
    let Some(api) = logged(&api) else { return };
    let arrivals = api.arrivals();
    assert_eq!(arrivals.len(), 20);
    let first = arrivals.iter().map(|a| a.at).min().unwrap();
    let last = arrivals.iter().map(|a| a.at).max().unwrap();
    assert!(
        last < first + LATENCY,
        "all arrived before the first answer left"
    );
    assert_eq!(api.peak_in_flight(), 20);
}

/// Requests sent one after another never overlap on the server.
#[tokio::test]
async fn sequential_requests_are_never_in_flight_together() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(30)))
        .start()
        .await;
    statuses_of_n(&api, 4).await;
    assert_eq!(api.peak_in_flight(), 1);
}

/// A latency range draws a different delay per request, within the bounds, and the same
/// delays again for the same seed.
#[tokio::test]
async fn a_latency_range_varies_within_its_bounds_and_repeats_for_a_seed() {
    let (min, max) = (Duration::from_millis(1), Duration::from_millis(30));
    let start = |seed| {
        MockApi::builder()
            .latency(Latency::Range { min, max })
            .seed(seed)
            .start()
    };
    let (first, second, other) = (start(7).await, start(7).await, start(8).await);
    for api in [&first, &second, &other] {
        statuses_of_n(api, 12).await;
    }
    let delays = |api: &MockApi| api.arrivals().iter().map(|a| a.delay).collect::<Vec<_>>();
    assert!(
        delays(&first)
            .iter()
            .all(|delay| (min..=max).contains(delay))
    );
    assert!(
        delays(&first).windows(2).any(|pair| pair[0] != pair[1]),
        "the delays vary"
    );
    assert_eq!(delays(&first), delays(&second));
    assert_ne!(delays(&first), delays(&other));
}

/// `EveryNth(3)` fails the 3rd, 6th, … request, counting every request.
async fn every_nth_fails_every_nth_request(front: Front) {
    let api = front
        .start_with(faults([fault(
            FaultSelect::EveryNth(3),
            FaultEffect::Status(500),
        )]))
        .await;
    let paths = [
        "/posts/1",
        "/users",
        "/nope",
        "/posts/2",
        "/todos/1",
        "/comments/1",
        "/posts/3",
    ];
    assert_eq!(
        statuses(&api, &paths).await,
        [200, 200, 500, 200, 200, 500, 200]
    );
}

/// A random share fails about that share of requests, the same ones for the same seed.
async fn a_random_share_fails_the_same_requests_for_the_same_seed(front: Front) {
    let start = |seed| {
        front.start_with(ServeOptions {
            seed,
            ..faults([fault(FaultSelect::Share(0.3), FaultEffect::Status(503))])
        })
    };
    let (first, second, other) = (start(1).await, start(1).await, start(2).await);
    let (a, b, c) = (
        statuses_of_n(&first, 80).await,
        statuses_of_n(&second, 80).await,
        statuses_of_n(&other, 80).await,
    );
    assert_eq!(a, b);
    assert_ne!(a, c);
    let failed = a.iter().filter(|&&status| status == 503).count();
    assert!(
        (8..=40).contains(&failed),
        "{failed} of 80 failed for a 30% share"
    );
    assert!(a.iter().all(|&status| status == 200 || status == 503));
}

/// The share's extremes: 0 fails nothing, 1 fails everything.
async fn a_share_of_zero_fails_nothing_and_a_share_of_one_fails_everything(front: Front) {
    let none = front
        .start_with(faults([fault(
            FaultSelect::Share(0.0),
            FaultEffect::Status(500),
        )]))
        .await;
    let all = front
        .start_with(faults([fault(
            FaultSelect::Share(1.0),
            FaultEffect::Status(500),
        )]))
        .await;
    assert!(
        statuses_of_n(&none, 20)
            .await
            .iter()
            .all(|&status| status == 200)
    );
    assert!(
        statuses_of_n(&all, 20)
            .await
            .iter()
            .all(|&status| status == 500)
    );
}

/// Each of `paths` asked `tries` times in a row, every path at the same time (as a client
/// fetching posts concurrently, each with its retries, does), or one path after another.
/// The statuses come back per path, in the order of its tries.
async fn tries_per_path(
    api: &Api,
    paths: &[String],
    tries: usize,
    together: bool,
) -> Vec<Vec<u16>> {
    let ask = |path: &String| {
        let path = path.clone();
        async move { statuses(api, &vec![path.as_str(); tries]).await }
    };
    if together {
        join_all(paths.iter().map(ask)).await
    } else {
        let mut all = Vec::new();
        for path in paths {
            all.push(ask(path).await);
        }
        all
    }
}

/// `SharePerPath` decides by the path and its own count, so the order in which requests for
/// different paths arrive changes nothing: forty posts asked four times each, concurrently on
/// one server and one post after another on the other, fail at the same tries when the seed
/// is the same, and at others when it is not.
async fn a_share_per_path_fails_the_same_attempts_whatever_the_arrival_order(front: Front) {
    let start = |seed| {
        front.start_with(ServeOptions {
            seed,
            ..faults([fault(
                FaultSelect::SharePerPath(0.3),
                FaultEffect::Status(503),
            )])
        })
    };
    let (together, in_turn, other) = (start(1).await, start(1).await, start(2).await);
    let paths: Vec<String> = (1..=40).map(|id| format!("/posts/{id}")).collect();
    // The reverse order on the sequential server, so that no path keeps its arrival numbers.
    let reversed: Vec<String> = paths.iter().rev().cloned().collect();

    let a = tries_per_path(&together, &paths, 4, true).await;
    let mut b = tries_per_path(&in_turn, &reversed, 4, false).await;
    b.reverse();
    let c = tries_per_path(&other, &paths, 4, false).await;

    assert_eq!(
        a, b,
        "the same seed fails the same tries, in any arrival order"
    );
    assert_ne!(a, c, "another seed fails other tries");
    let all: Vec<u16> = a.concat();
    assert!(all.iter().all(|&status| status == 200 || status == 503));
    let failed = all.iter().filter(|&&status| status == 503).count();
    assert!(
        (24..=72).contains(&failed),
        "{failed} of 160 failed for a 30% share"
    );
    assert!(
        a.iter().any(|tries| tries[0] == 503 && tries[1] == 200),
        "a post that fails and then succeeds, as a retry would: {a:?}"
    );
}

/// `SharePerPath` keeps one count per path: a request for another path does not move it, and a
/// query does not make another path. Its extremes fail nothing and everything.
async fn a_share_per_path_counts_each_path_apart_and_ignores_the_query(front: Front) {
    let start = |share| {
        front.start_with(ServeOptions {
            seed: 3,
            ..faults([fault(
                FaultSelect::SharePerPath(share),
                FaultEffect::Status(503),
            )])
        })
    };
    // On their own, the first eight tries at `/posts`, as a reference.
    let alone = start(0.5).await;
    let reference = statuses(&alone, &["/posts?_limit=1"; 8]).await;
    assert!(
        reference.contains(&200) && reference.contains(&503),
        "{reference:?}"
    );
    // The same eight with other paths in between, and a different query each time.
    let mixed = start(0.5).await;
    let mut paths = Vec::new();
    for try_number in 1..=8 {
        paths.push(format!("/posts?_page={try_number}&_limit=1"));
        paths.push(format!("/users/{try_number}"));
    }
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let got = statuses(&mixed, &paths).await;
    let at_posts: Vec<u16> = got.iter().step_by(2).copied().collect();
    assert_eq!(at_posts, reference);

    let none = start(0.0).await;
    let all = start(1.0).await;
    assert_eq!(statuses(&none, &paths).await, [200; 16]);
    assert_eq!(statuses(&all, &paths).await, [503; 16]);
}

/// A share outside `0.0..=1.0` is a bug in the test that wrote it: the builder says so at once.
#[test]
#[should_panic(expected = "FaultSelect::SharePerPath needs a share in 0.0..=1.0, got 1.5")]
fn a_share_per_path_above_one_is_refused_by_the_builder() {
    let _ = MockApi::builder().fault(fault(
        FaultSelect::SharePerPath(1.5),
        FaultEffect::Status(503),
    ));
}

/// `Ids` fails the requests whose path names one of the ids, in any resource, nested or not.
async fn chosen_ids_fail_wherever_the_path_names_them(front: Front) {
    let api = front
        .start_with(faults([fault(
            FaultSelect::Ids(vec![3, 7]),
            FaultEffect::Status(500),
        )]))
        .await;
    let paths = [
        "/posts/3",
        "/posts/3/comments",
        "/users/7",
        "/comments/3",
        "/posts/4",
        "/posts?id=3",
        "/posts",
        "/posts/33",
    ];
    assert_eq!(
        statuses(&api, &paths).await,
        [500, 500, 500, 500, 200, 200, 200, 200]
    );
}

/// A status fault answers that status with `{}` as JSON.
async fn a_status_fault_answers_that_status_with_an_empty_json_object(front: Front) {
    let api = front
        .start_with(faults([fault(
            FaultSelect::EveryNth(1),
            FaultEffect::Status(503),
        )]))
        .await;
    let response = client()
        .get(format!("{}/posts/1", api.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        response.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    assert_eq!(response.text().await.unwrap(), "{}");
}

/// 429 carries `Retry-After` in whole seconds, rounded up.
async fn too_many_requests_carries_retry_after_in_whole_seconds(front: Front) {
    let effect = FaultEffect::TooManyRequests {
        retry_after: Duration::from_millis(1500),
    };
    let api = front
        .start_with(faults([fault(FaultSelect::EveryNth(1), effect)]))
        .await;
    let response = client()
        .get(format!("{}/posts/1", api.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "2");
    assert_eq!(response.text().await.unwrap(), "{}");
}

/// A dropped connection reaches the client as an error, not as a response, and the server
/// carries on answering the next request.
async fn a_dropped_connection_is_an_error_for_the_client_not_a_response(front: Front) {
    let api = front
        .start_with(faults([fault(
            FaultSelect::Ids(vec![2]),
            FaultEffect::DropConnection,
        )]))
        .await;
    let client = client();
    let result = client.get(format!("{}/posts/2", api.uri())).send().await;
    let err = result.expect_err("no response for a dropped connection");
    assert!(!err.is_status() && !err.is_timeout(), "{err:?}");
    let next = client
        .get(format!("{}/posts/1", api.uri()))
        .send()
        .await
        .expect("the server still answers");
    assert_eq!(next.status(), StatusCode::OK);
}

/// With several faults, the one added first wins when both select a request.
async fn the_first_fault_added_wins_when_several_select_a_request(front: Front) {
    let api = front
        .start_with(faults([
            fault(FaultSelect::Ids(vec![1]), FaultEffect::DropConnection),
            fault(FaultSelect::EveryNth(2), FaultEffect::Status(503)),
        ]))
        .await;
    let paths = ["/posts/2", "/posts/1", "/posts/3", "/posts/4"];
    // Request 2 is about id 1 and even: the drop, added first, applies.
    assert_eq!(statuses(&api, &paths).await, [200, 0, 200, 503]);
    let Some(api) = logged(&api) else { return };
    let faults: Vec<_> = api
        .arrivals()
        .into_iter()
        .map(|arrival| arrival.fault)
        .collect();
    assert_eq!(
        faults,
        [
            None,
            Some(FaultEffect::DropConnection),
            None,
            Some(FaultEffect::Status(503))
        ]
    );
}

/// The log keeps each request's method, path with query, headers, latency and fault, in
/// arrival order.
#[tokio::test]
async fn the_arrival_log_records_what_each_request_carried() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(20)))
        .fault(fault(FaultSelect::Ids(vec![9]), FaultEffect::Status(500)))
        .start()
        .await;
    common::install_tls_provider();
    let client = Client::builder()
        .no_proxy()
        .user_agent("lesson-test/1.0")
        .build()
        .unwrap();
    client
        .get(format!("{}/posts?userId=1&_limit=2", api.uri()))
        .header("x-lesson", "03")
        .send()
        .await
        .unwrap();
    client
        .post(format!("{}/posts", api.uri()))
        .body("{}")
        .send()
        .await
        .unwrap();
    client
        .get(format!("{}/users/9", api.uri()))
        .send()
        .await
        .unwrap();

    let arrivals = api.arrivals();
    let seen: Vec<(&str, &str)> = arrivals
        .iter()
        .map(|a| (a.method.as_str(), a.path.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("GET", "/posts?userId=1&_limit=2"),
            ("POST", "/posts"),
            ("GET", "/users/9")
        ]
    );
    assert!(
        arrivals
            .iter()
            .all(|a| a.headers["user-agent"] == "lesson-test/1.0")
    );
    assert_eq!(arrivals[0].headers["x-lesson"], "03");
    assert!(
        arrivals
            .iter()
            .all(|a| a.delay == Duration::from_millis(20)),
        "faulted answers wait too"
    );
    assert_eq!(arrivals[2].fault, Some(FaultEffect::Status(500)));
    assert!(arrivals.windows(2).all(|pair| pair[0].at <= pair[1].at));
}

/// With a base path, the API answers under it and only there: the root and a look-alike prefix
/// are 404s, and ids under the base path still select faults.
async fn a_base_path_moves_the_api_under_it_and_leaves_the_root_empty(front: Front) {
    let api = front
        .start_with(ServeOptions {
            base_path: "/api/v1".to_owned(),
            ..faults([fault(FaultSelect::Ids(vec![3]), FaultEffect::Status(503))])
        })
        .await;
    assert!(api.uri().ends_with("/api/v1"), "{}", api.uri());
    let root = api.uri().trim_end_matches("/api/v1").to_owned();
    let client = client();
    let post: serde_json::Value = client
        .get(format!("{}/posts/7", api.uri()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(post["id"], 7);
    for outside in ["/posts/7", "/api/v10/posts/7", "/api/posts/7"] {
        let response = client.get(format!("{root}{outside}")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{outside}");
    }
    assert_eq!(statuses(&api, &["/posts/3", "/posts/4"]).await, [503, 200]);
    if let Some(api) = logged(&api) {
        let paths: Vec<String> = api.arrivals().into_iter().map(|a| a.path).collect();
        assert_eq!(paths[0], "/api/v1/posts/7");
        assert_eq!(paths[1], "/posts/7");
    }
}
