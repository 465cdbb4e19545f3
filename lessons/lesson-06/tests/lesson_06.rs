//! Lesson 06: the bodies, methods and query strings the server received, the answers read back,
//! pagination proven from the server's side (a walk bounded whatever `X-Total-Count` says), and
//! the binary.

use std::num::NonZeroU32;

use lesson_06::{
    MAX_PAGES, NewPost, Page, PagingError, PostPatch, count_posts, create_post, delete_post,
    fetch_page, page_count, patch_post, post_status, posts_by_user, query_pairs, replace_post,
    search_urls,
};
use lesson_support::client::client;
use lesson_support::models::{Post, Todo};
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Fault, FaultEffect, FaultSelect, MockApi};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
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

/// A server that answers the lesson's writes and queries as JSONPlaceholder does, with one
/// post, and `/todos` with `todos` (mounted by the caller).
async fn api_with_todos(todos: Vec<Mock>) -> MockServer {
    let server = MockServer::start().await;
    let post = json!({"userId": 1, "id": 1, "title": "a title", "body": "a body"});
    let created = json!({"userId": 1, "id": 101, "title": "a title", "body": "a body"});
    let answers = [
        (
            "POST",
            "/posts",
            ResponseTemplate::new(201).set_body_json(created),
        ),
        (
            "GET",
            "/posts/101",
            ResponseTemplate::new(404).set_body_json(json!({})),
        ),
        (
            "GET",
            "/posts",
            ResponseTemplate::new(200).set_body_json(json!([post])),
        ),
        (
            "PUT",
            "/posts/1",
            ResponseTemplate::new(200).set_body_json(&post),
        ),
        (
            "PATCH",
            "/posts/1",
            ResponseTemplate::new(200).set_body_json(&post),
        ),
        (
            "DELETE",
            "/posts/1",
            ResponseTemplate::new(200).set_body_json(json!({})),
        ),
    ];
    for (verb, route, answer) in answers {
        Mock::given(method(verb))
            .and(path(route))
            .respond_with(answer)
            .mount(&server)
            .await;
    }
    for mock in todos {
        mock.mount(&server).await;
    }
    server
}

/// A page of todos from `first` to `last` (none when `first > last`), with this total.
fn todos_page(first: u64, last: u64, total: &str) -> ResponseTemplate {
    let todos: Vec<Value> = (first..=last)
        .map(|id| json!({"userId": 1, "id": id, "title": "a todo", "completed": false}))
        .collect();
    ResponseTemplate::new(200)
        .insert_header("X-Total-Count", total)
        .set_body_json(todos)
}

/// How many requests for `/todos` the server received.
async fn todo_requests(server: &MockServer) -> usize {
    let received = server.received_requests().await.unwrap_or_default();
    received
        .iter()
        .filter(|request| request.url.path() == "/todos")
        .count()
}

/// A server that claims 2^64 - 1 todos asks for that many pages of 1: the walk prints page 1,
/// then refuses to go on, naming the limit and the flag to change, after exactly one request
/// for todos (before, it kept asking for empty pages, 891 of them in 40 s and counting).
#[tokio::test]
async fn a_total_that_needs_too_many_pages_stops_the_walk_after_page_one() {
    let lie = u64::MAX.to_string();
    let server = api_with_todos(vec![
        Mock::given(method("GET"))
            .and(path("/todos"))
            .respond_with(todos_page(1, 1, &lie)),
    ])
    .await;

    let run = run_lesson(LESSON, &["--base-url", &server.uri(), "--page-size", "1"]);

    run.assert_clean_failure(&format!(
        "X-Total-Count says there are {lie} todos: {lie} pages of 1, more than the {MAX_PAGES} \
         pages a walk asks for, so it stops after page 1; if the list is really that long, use \
         a larger --page-size"
    ));
    assert!(run.stdout.contains(&format!("page 1/{lie} at ")), "{run}");
    assert!(run.stdout.contains(": todos 1-1 ("), "{run}");
    assert_eq!(todo_requests(&server).await, 1);
}

/// A total within the limit, but larger than the list: the walk stops at the first empty page,
/// says so, and counts what arrived; the server saw one request past the last full page.
#[tokio::test]
async fn the_walk_stops_at_the_first_empty_page() {
    let server = api_with_todos(vec![
        Mock::given(method("GET"))
            .and(path("/todos"))
            .and(query_param("_page", "1"))
            .respond_with(todos_page(1, 3, "500"))
            .with_priority(1),
        Mock::given(method("GET"))
            .and(path("/todos"))
            .respond_with(todos_page(1, 0, "500")),
    ])
    .await;

    let run = run_lesson(LESSON, &["--base-url", &server.uri(), "--page-size", "3"]);

    run.assert_success();
    for expected in [
        "page 1/167 at ",
        ": todos 1-3 (",
        "page 2/167 at ",
        "page 2 is empty: the list ended before the total it announced",
        "3 of 500 todos in 2 requests",
    ] {
        assert!(
            run.stdout.contains(expected),
            "{expected:?} missing:\n{run}"
        );
    }
    assert!(!run.stdout.contains("page 3/"), "{run}");
    assert_eq!(todo_requests(&server).await, 2);
}

/// The largest total the walk accepts is exactly `MAX_PAGES` pages; one more item is refused.
#[tokio::test]
async fn the_walk_accepts_max_pages_and_refuses_one_more() {
    // `MAX_PAGES` items in pages of 1 are `MAX_PAGES` pages: accepted (the empty page 2 ends
    // the walk); one more item is one page too many.
    for (total, accepted) in [(MAX_PAGES, true), (MAX_PAGES + 1, false)] {
        let server = api_with_todos(vec![
            Mock::given(method("GET"))
                .and(path("/todos"))
                .and(query_param("_page", "1"))
                .respond_with(todos_page(1, 1, &total.to_string()))
                .with_priority(1),
            Mock::given(method("GET"))
                .and(path("/todos"))
                .respond_with(todos_page(1, 0, &total.to_string())),
        ])
        .await;

        let run = run_lesson(LESSON, &["--base-url", &server.uri(), "--page-size", "1"]);

        if accepted {
            run.assert_success();
            assert_eq!(todo_requests(&server).await, 2, "{run}");
        } else {
            run.assert_clean_failure(&format!("more than the {MAX_PAGES} pages"));
            assert_eq!(todo_requests(&server).await, 1, "{run}");
        }
    }
}

/// `--help` states the most pages a walk asks for.
#[test]
fn the_help_states_the_page_limit() {
    let run = run_lesson(LESSON, &["--help"]);
    run.assert_success();
    assert!(
        run.stdout.contains(&format!("at most {MAX_PAGES} pages")),
        "{run}"
    );
}

/// `lesson-06 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-06 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}
