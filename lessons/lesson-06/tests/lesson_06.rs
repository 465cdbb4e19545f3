//! Lesson 06: the bodies, methods and query strings the server received, the answers read back,
//! pagination proven from the server's side, and the binary.

use std::num::NonZeroU32;

use lesson_06::{
    NewPost, Page, PagingError, PostPatch, count_posts, create_post, delete_post, fetch_page,
    page_count, patch_post, post_status, posts_by_user, query_pairs, replace_post, search_urls,
};
use lesson_support::client::client;
use lesson_support::models::{Post, Todo};
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Fault, FaultEffect, FaultSelect, MockApi};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-06");

fn size(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).expect("the tests use page sizes above zero")
}

fn new_post() -> NewPost {
    NewPost {
        user_id: 3,
        title: "a title".to_owned(),
        body: "a body".to_owned(),
    }
}

/// A POST sends the `NewPost` as camelCase JSON without an id, and reads back the 201, the
/// created post and its `Location`, resolved against the request's URL.
#[tokio::test]
async fn a_post_sends_the_new_post_as_json_and_reads_status_body_and_location() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/posts"))
        .and(header("content-type", "application/json"))
        .and(body_json(
            json!({"userId": 3, "title": "a title", "body": "a body"}),
        ))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("Location", "/posts/101")
                .set_body_json(
                    json!({"userId": 3, "title": "a title", "body": "a body", "id": 101}),
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server.uri()).unwrap();

    let created = create_post(&client, &server.uri(), &new_post())
        .await
        .unwrap();

    assert_eq!(created.status, 201);
    assert_eq!(
        created.location.map(String::from),
        Some(format!("{}/posts/101", server.uri()))
    );
    assert_eq!(created.body.id, 101);
    assert_eq!(created.body.title, "a title");
}

/// Against the mock: 201, id 101, a `Location` naming post 101, and nothing stored: post 101
/// is still a 404 and the list still has 100 posts.
#[tokio::test]
async fn writes_are_answered_but_not_stored() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();

    let created = create_post(&client, &api.uri(), &new_post()).await.unwrap();

    assert_eq!(created.status, 201);
    assert_eq!(created.body.id, 101);
    assert_eq!(
        created.location.map(String::from),
        Some(format!("{}/posts/101", api.uri()))
    );
    assert_eq!(post_status(&client, &api.uri(), 101).await.unwrap(), 404);
    assert_eq!(count_posts(&client, &api.uri()).await.unwrap(), 100);
    let methods: Vec<String> = api
        .arrivals()
        .iter()
        .map(|a| format!("{} {}", a.method, a.path))
        .collect();
    assert_eq!(methods, ["POST /posts", "GET /posts/101", "GET /posts"]);
}

/// A 201 without a `Location` header is read as `None`, not as an error.
#[tokio::test]
async fn a_201_without_a_location_has_none() {
    let server = server_answering(
        ResponseTemplate::new(201)
            .set_body_json(json!({"userId": 3, "id": 101, "title": "t", "body": "b"})),
    )
    .await;
    let client = client(&server.uri()).unwrap();

    let created = create_post(&client, &server.uri(), &new_post())
        .await
        .unwrap();

    assert_eq!(created.status, 201);
    assert_eq!(created.location, None);
}

/// PUT sends every field of the post; PATCH with a `PostPatch` sends only the fields that are
/// `Some`, never a `null` for the others.
#[tokio::test]
async fn put_sends_the_whole_post_and_patch_only_what_changes() {
    let server = MockServer::start().await;
    let whole = Post {
        user_id: 1,
        id: 1,
        title: "new title".to_owned(),
        body: "new body".to_owned(),
    };
    Mock::given(method("PUT"))
        .and(path("/posts/1"))
        .and(body_json(
            json!({"userId": 1, "id": 1, "title": "new title", "body": "new body"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(&whole))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/posts/1"))
        .and(body_json(json!({"title": "new title"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(&whole))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server.uri()).unwrap();
    let patch = PostPatch {
        title: Some("new title".to_owned()),
        ..PostPatch::default()
    };

    let replaced = replace_post(&client, &server.uri(), 1, &whole)
        .await
        .unwrap();
    let patched = patch_post(&client, &server.uri(), 1, &patch).await.unwrap();

    assert_eq!(replaced.status, 200);
    assert_eq!(replaced.body, whole);
    assert_eq!(patched.status, 200);
    assert_eq!(patched.body, whole);
}

/// Against the mock, a PATCH keeps the fields it did not send, and `json!` works as a body as
/// well as a struct; DELETE answers 200.
#[tokio::test]
async fn patch_keeps_the_other_fields_and_delete_answers_200() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();
    let original: Post = client
        .get(format!("{}/posts/1", api.uri()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    let patched = patch_post(&client, &api.uri(), 1, &json!({"title": "changed"}))
        .await
        .unwrap();
    let deleted = delete_post(&client, &api.uri(), 1).await.unwrap();

    assert_eq!(patched.body.title, "changed");
    assert_eq!(patched.body.body, original.body);
    assert_eq!(deleted, 200);
    let methods: Vec<String> = api.arrivals().iter().map(|a| a.method.clone()).collect();
    assert_eq!(methods, ["GET", "PATCH", "DELETE"]);
}

/// A write to a post that does not exist is an error carrying the 404.
#[tokio::test]
async fn a_write_to_a_missing_post_is_a_404_error() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();

    let err = patch_post(&client, &api.uri(), 999, &PostPatch::default())
        .await
        .unwrap_err();

    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
}

/// `.query` puts `userId` in the query string, and the server's filter does the rest.
#[tokio::test]
async fn posts_by_user_asks_the_server_to_filter() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();

    let posts = posts_by_user(&client, &api.uri(), 2).await.unwrap();

    assert_eq!(posts.len(), 10);
    assert!(posts.iter().all(|post| post.user_id == 2));
    assert_eq!(api.arrivals()[0].path, "/posts?userId=2");
}

/// `.query` encodes `&`, spaces and `#`; the hand-built URL splits the term into two parameters
/// and loses the rest to a fragment.
#[test]
fn a_hand_built_query_string_breaks_on_special_characters() {
    let client = client("http://127.0.0.1:1").unwrap();

    let (encoded, by_hand) =
        search_urls(&client, "http://127.0.0.1:1", "salt & pepper #1").unwrap();

    let pair = |name: &str, value: &str| (name.to_owned(), value.to_owned());
    assert_eq!(query_pairs(&encoded), [pair("q", "salt & pepper #1")]);
    assert_eq!(encoded.fragment(), None);
    assert_eq!(
        query_pairs(&by_hand),
        [pair("q", "salt "), pair(" pepper ", "")]
    );
    assert_eq!(by_hand.fragment(), Some("1"));
}

/// One page is one request with `_page` and `_limit`; the total comes from `X-Total-Count`.
#[tokio::test]
async fn fetch_page_asks_for_one_page_and_reads_the_total() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();

    let page: Page<Todo> = fetch_page(&client, &api.uri(), "todos", 7, size(30))
        .await
        .unwrap();

    assert_eq!(page.number, 7);
    assert_eq!(page.total, 200);
    let ids: Vec<u64> = page.items.iter().map(|todo| todo.id).collect();
    assert_eq!(ids, (181..=200).collect::<Vec<_>>());
    let paths: Vec<String> = api.arrivals().iter().map(|a| a.path.clone()).collect();
    assert_eq!(paths, ["/todos?_page=7&_limit=30"]);
}

/// The page count rounds up: a partial last page is still a page.
#[test]
fn page_count_rounds_up() {
    assert_eq!(page_count(200, size(30)), 7);
    assert_eq!(page_count(200, size(20)), 10);
    assert_eq!(page_count(0, size(10)), 0);
    assert_eq!(page_count(1, size(500)), 1);
}

/// An answer without `X-Total-Count` (or with a header that is not a number) is `NoTotalCount`
/// naming the URL; an error status is `Http` with the status, even without the header.
#[tokio::test]
async fn a_page_without_a_total_or_with_an_error_status_is_a_clear_error() {
    let no_total = server_answering(ResponseTemplate::new(200).set_body_json(json!([]))).await;
    let garbled = server_answering(
        ResponseTemplate::new(200)
            .insert_header("X-Total-Count", "lots")
            .set_body_json(json!([])),
    )
    .await;
    let failing = server_answering(ResponseTemplate::new(500).set_body_json(json!({}))).await;
    let client = client(&no_total.uri()).unwrap();

    for server in [&no_total, &garbled] {
        let err = fetch_page::<Value>(&client, &server.uri(), "todos", 1, size(10))
            .await
            .unwrap_err();
        let PagingError::NoTotalCount { url } = &err else {
            panic!("expected NoTotalCount, got {err:?}");
        };
        assert_eq!(url, &format!("{}/todos?_page=1&_limit=10", server.uri()));
        assert!(err.to_string().contains("X-Total-Count"), "{err}");
    }
    let err = fetch_page::<Value>(&client, &failing.uri(), "todos", 1, size(10))
        .await
        .unwrap_err();
    let PagingError::Http(http) = &err else {
        panic!("expected Http, got {err:?}");
    };
    assert_eq!(http.status().map(|s| s.as_u16()), Some(500));
}

/// The default run: every verb with its status, nothing stored, the query, every page.
#[test]
fn runs_offline_and_shows_every_verb_and_every_page() {
    let run = run_lesson(LESSON, &["--latency", "0"]);
    run.assert_success();
    for expected in [
        "POST /posts",
        "201 Created",
        "Location: http://127.0.0.1:",
        "GET /posts/101 -> 404 Not Found",
        "GET /posts -> 100 posts",
        "PUT /posts/1",
        "PATCH /posts/1 with a PostPatch; sent: {\"title\":",
        "DELETE /posts/1\n  200 OK",
        "10 posts: 1, 2, 3",
        "[(\"q\", \"salt & pepper #1\")]",
        "and #1 is a fragment",
        "page 1/7 at ",
        "todos 1-30 (",
        "page 7/7 at ",
        "todos 181-200 (",
        "200 of 200 todos in 7 requests",
    ] {
        assert!(
            run.stdout.contains(expected),
            "{expected:?} missing:\n{run}"
        );
    }
    assert!(
        run.stdout.lines().all(|line| line.chars().count() <= 80),
        "{run}"
    );
}

/// `--page-size` changes how many pages the walk takes.
#[test]
fn the_page_size_flag_sets_the_number_of_pages() {
    let run = run_lesson(LESSON, &["--latency", "0", "--page-size", "50"]);
    run.assert_success();
    assert!(run.stdout.contains("page 4/4 at "), "{run}");
    assert!(run.stdout.contains(": todos 151-200 ("), "{run}");
    assert!(!run.stdout.contains("page 5/"), "{run}");
}

/// Bad flags are refused before anything is sent.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--page-size", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--page-size", "abc"]).assert_clean_failure("'abc'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
    run_lesson(LESSON, &["--latency", "soon"]).assert_clean_failure("'soon'");
}

/// No server, a server answering 500, and one answering HTML: one clear error line each.
#[tokio::test]
async fn a_server_that_cannot_take_the_post_fails_cleanly() {
    run_lesson(LESSON, &["--base-url", &unused_local_url()])
        .assert_clean_failure("is the server running?");

    let failing = server_answering(ResponseTemplate::new(500)).await;
    run_lesson(LESSON, &["--base-url", &failing.uri()])
        .assert_clean_failure("500 Internal Server Error");

    let html = server_answering(ResponseTemplate::new(201).set_body_string("<html>")).await;
    run_lesson(LESSON, &["--base-url", &html.uri()])
        .assert_clean_failure("error decoding response body");
}

/// A page that fails mid-walk ends the run with its error, after the pages that did arrive
/// were printed.
#[tokio::test]
async fn a_failing_page_is_reported_after_the_pages_that_arrived() {
    // The lesson sends 8 requests before the walk (POST, 2 GETs, PUT, 2 PATCHes, DELETE, the
    // userId query); page 1 is the 9th and page 2 the 10th, which this fault fails. The mock
    // fails requests by their number, since its `Ids` faults do not apply to list routes.
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::EveryNth(10),
            effect: FaultEffect::Status(500),
        })
        .start()
        .await;

    let run = run_lesson(LESSON, &["--base-url", &api.uri()]);

    run.assert_clean_failure("500 Internal Server Error");
    run.assert_clean_failure("_page=2");
    assert!(run.stdout.contains("page 1/7 at "), "{run}");
    assert!(!run.stdout.contains("page 2/7"), "{run}");
}
