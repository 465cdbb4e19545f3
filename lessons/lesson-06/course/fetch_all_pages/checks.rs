//! The checks of exercise 7 (`fetch_all_pages`): each one a rule of the contract, each failure a
//! message that says what the server saw and where to look.
//!
//! They take the function under test as an argument, so that the same checks run against your
//! file (`tests/exercises.rs`), the reference solution and the course's collection of typical
//! wrong answers (`tests/course.rs`).

use std::num::NonZeroU32;
use std::time::Duration;

use lesson_support::testing::{Exercise, Verdict, is_tagged, tagged_client};
use mock_server::MockApi;
use reqwest::Client;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::PagingError;

pub const EXERCISE: Exercise = Exercise {
    number: 7,
    file: "lessons/lesson-06/src/exercises/fetch_all_pages.rs",
};

/// 200 todos in pages of 30: six full pages and a last one of 20, so rounding down loses items.
const TODOS_PER_PAGE: NonZeroU32 = page_size(30);

/// 500 comments in pages of 45: eleven full pages and a last one of 5.
const COMMENTS_PER_PAGE: NonZeroU32 = page_size(45);

/// How long a function may run against a server that never says when to stop. Every answer is
/// local and immediate, so a correct function returns in milliseconds.
const PATIENCE: Duration = Duration::from_secs(2);

const fn page_size(size: u32) -> NonZeroU32 {
    match NonZeroU32::new(size) {
        Some(size) => size,
        None => panic!("the page sizes of these checks are constants above zero"),
    }
}

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    returns_every_item_once_in_order(&candidate).await?;
    asks_for_exactly_the_pages_the_total_needs(&candidate).await?;
    sends_every_request_through_the_given_client(&candidate).await?;
    an_error_status_on_any_page_is_an_error(&candidate).await?;
    an_answer_without_a_total_is_an_error(&candidate).await
}

/// The page numbers and `_limit` values of requests, as the server read them (`None` where a
/// parameter was missing or not a number).
fn pages_asked(queries: &[Vec<(String, String)>]) -> Vec<(Option<i64>, Option<i64>)> {
    let param = |query: &Vec<(String, String)>, name: &str| {
        query
            .iter()
            .find(|(key, _)| key == name)
            .and_then(|(_, value)| value.parse().ok())
    };
    queries
        .iter()
        .map(|query| (param(query, "_page"), param(query, "_limit")))
        .collect()
}

/// What is wrong with the `_limit` of the first request whose `_limit` is not `page_size`, if
/// any request has `_page` at all (a request without it is a different mistake).
fn limit_problem(
    arrivals: &[mock_server::Arrival],
    asked: &[(Option<i64>, Option<i64>)],
    page_size: NonZeroU32,
) -> Option<String> {
    if asked.iter().all(|(page, _)| page.is_none()) {
        return None;
    }
    let (arrival, (_, limit)) = arrivals
        .iter()
        .zip(asked)
        .find(|(_, (_, limit))| *limit != Some(i64::from(page_size.get())))?;
    let asked_for = match limit {
        Some(limit) => format!("asked for `_limit={limit}`"),
        None => "has no `_limit`".to_owned(),
    };
    Some(format!(
        "with a page size of {page_size}, the request {} {asked_for}: every request needs \
         `_limit` set to `page_size`, or the server pages by its default of 10. Let \
         `.query(&[(\"_page\", page), (\"_limit\", page_size.get())])` write the parameters",
        arrival.path,
    ))
}

/// The decoded query of a path as [`mock_server::Arrival`] records it: `/todos?_page=1`.
fn query_of(path_and_query: &str) -> Vec<(String, String)> {
    reqwest::Url::parse(&format!("http://server{path_and_query}"))
        .map(|url| {
            url.query_pairs()
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// All 200 todos come back, each once, in the order `GET /todos` lists them.
pub async fn returns_every_item_once_in_order<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let expected: Vec<Value> = match all_items(&client, &api.uri(), "todos").await {
        Ok(items) => items,
        Err(err) => return Err(format!("the checks could not list the todos: {err}")),
    };
    let before = api.arrivals().len();

    let result = EXERCISE
        .run(candidate(&client, &api.uri(), "todos", TODOS_PER_PAGE))
        .await?;

    let arrivals = api.arrivals();
    if arrivals.len() == before {
        return Err(EXERCISE.fail(
            "the server at `base_url` received no request: build the URL from `base_url` and \
             `resource` (format!(\"{base_url}/{resource}\")) instead of a fixed address",
        ));
    }
    let items = match result {
        Ok(items) => items,
        Err(err) => {
            return Err(EXERCISE.fail(&format!(
                "asked for the 200 todos of a server that pages them correctly, and got an \
                 error: {err} ({err:?})"
            )));
        }
    };
    if items == expected {
        return Ok(());
    }
    let ids: Vec<u64> = items
        .iter()
        .filter_map(|item| item.get("id").and_then(Value::as_u64))
        .collect();
    let mut distinct = ids.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let arrivals = &arrivals[before..];
    let queries: Vec<_> = arrivals.iter().map(|a| query_of(&a.path)).collect();
    let asked = pages_asked(&queries);
    if let Some(problem) = limit_problem(arrivals, &asked, TODOS_PER_PAGE) {
        return Err(EXERCISE.fail(&problem));
    }
    let asked_page_zero = asked.iter().any(|(page, _)| *page == Some(0));
    if distinct.len() < ids.len() && asked_page_zero {
        return Err(EXERCISE.fail(&format!(
            "{} of the {} todos you returned are duplicates: you asked for `_page=0`, and \
             json-server reads `_page=0` as page 1, so the first page came twice and the last \
             one never. Pages are numbered from 1",
            ids.len() - distinct.len(),
            ids.len()
        )));
    }
    if items.len() < expected.len() && expected.starts_with(&items) {
        let missing = expected.len() - items.len();
        return Err(EXERCISE.fail(&format!(
            "you returned the first {} todos and missed the last {missing}: 200 todos in pages \
             of 30 is 6 full pages and a 7th of 20. Integer division rounds down (200 / 30 = \
             6); round up instead (`total.div_ceil(page_size)`)",
            items.len()
        )));
    }
    let first_difference = items
        .iter()
        .zip(&expected)
        .position(|(got, want)| got != want)
        .unwrap_or(items.len().min(expected.len()));
    Err(EXERCISE.fail(&format!(
        "expected the 200 todos of `GET /todos`, in its order, each once; you returned {} items, \
         the first difference at position {first_difference}",
        items.len()
    )))
}

/// `GET {base_url}/{resource}` in one request, as the reference the checks compare with.
async fn all_items(client: &Client, base_url: &str, resource: &str) -> reqwest::Result<Vec<Value>> {
    client
        .get(format!("{base_url}/{resource}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}

/// One request per page and no more: pages 1 to ceil(total / page_size), each with `_page` and
/// `_limit` right, to the resource asked for.
pub async fn asks_for_exactly_the_pages_the_total_needs<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    // Failures of the result itself are the other checks' business: this one looks at the
    // requests.
    let _ = EXERCISE
        .run(candidate(
            &client,
            &api.uri(),
            "comments",
            COMMENTS_PER_PAGE,
        ))
        .await?;

    let arrivals = api.arrivals();
    let elsewhere: Vec<&str> = arrivals
        .iter()
        .map(|a| a.path.split('?').next().unwrap_or(""))
        .filter(|path| *path != "/comments")
        .collect();
    if let Some(path) = elsewhere.first() {
        return Err(EXERCISE.fail(&format!(
            "asked for the `comments`, and a request went to {path}: build the URL from \
             `resource` (format!(\"{{base_url}}/{{resource}}\"))"
        )));
    }
    let queries: Vec<_> = arrivals.iter().map(|a| query_of(&a.path)).collect();
    let asked = pages_asked(&queries);
    if asked.iter().all(|(page, _)| page.is_none()) {
        return Err(EXERCISE.fail(&format!(
            "the server received {} request(s) and none had a `_page` parameter: that fetches \
             the whole list at once and ignores `page_size`. Ask for one page at a time: \
             `.query(&[(\"_page\", page), (\"_limit\", page_size.get())])`",
            arrivals.len()
        )));
    }
    if let Some(problem) = limit_problem(&arrivals, &asked, COMMENTS_PER_PAGE) {
        return Err(EXERCISE.fail(&problem));
    }
    let mut pages: Vec<i64> = asked.iter().filter_map(|(page, _)| *page).collect();
    pages.sort_unstable();
    let wanted: Vec<i64> = (1..=12).collect();
    if pages == wanted && asked.len() == wanted.len() {
        return Ok(());
    }
    let seen = pages
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Err(EXERCISE.fail(&if pages.first() == Some(&0) {
        format!(
            "the server saw pages [{seen}]: pages are numbered from 1, and json-server reads \
             `_page=0` as page 1"
        )
    } else if pages.len() == wanted.len() + 1 && pages.starts_with(&wanted) {
        format!(
            "500 comments in pages of 45 is 12 pages, and the server saw pages [{seen}]: \
             page 13 was one request too many. The first answer's X-Total-Count (500) says \
             when to stop; asking for pages until one comes back empty costs an extra request"
        )
    } else if pages.len() < wanted.len() && wanted.starts_with(&pages) {
        format!(
            "500 comments in pages of 45 is 11 full pages and a 12th of 5, and the server saw \
             pages [{seen}]: round the division up (`total.div_ceil(page_size)`)"
        )
    } else {
        format!(
            "500 comments in pages of 45 needs pages 1 to 12, each once; the server saw pages \
             [{seen}]"
        )
    }))
}

/// Every request goes through the client given as an argument.
pub async fn sends_every_request_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let _ = EXERCISE
        .run(candidate(&client, &api.uri(), "posts", page_size(40)))
        .await?;

    let arrivals = api.arrivals();
    let strangers = arrivals.iter().filter(|a| !is_tagged(&a.headers)).count();
    if strangers > 0 {
        return Err(EXERCISE.fail(&format!(
            "{strangers} of the {} requests did not come from the `client` you were given: do \
             not build a new `Client` (or call `reqwest::get`); the given one reuses its \
             connections from page to page",
            arrivals.len()
        )));
    }
    Ok(())
}

/// A list of six items in pages of three: page 1 answers with its items and
/// `X-Total-Count: 6`, page 2 with `status` and an empty list (so that only the status says
/// something went wrong).
async fn failing_second_page(status: u16) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/todos"))
        .and(query_param("_page", "1"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Total-Count", "6")
                .set_body_json(json!([{"id": 1}, {"id": 2}, {"id": 3}])),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/todos"))
        .and(query_param("_page", "2"))
        .respond_with(ResponseTemplate::new(status).set_body_json(json!([])))
        .mount(&server)
        .await;
    server
}

/// A server answering every request with `status`, an empty list and no `X-Total-Count`.
async fn failing_everything(status: u16) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(status).set_body_json(json!([])))
        .mount(&server)
        .await;
    server
}

/// A 500 on page 2 is `Err(PagingError::Http(..))` carrying that status, even though its body
/// is a valid (empty) list; a 503 on page 1 is that status too, not a missing total.
pub async fn an_error_status_on_any_page_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let server = failing_second_page(500).await;
    let client = tagged_client(&server.uri());
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), "todos", page_size(3)))
        .await?;
    match result {
        Err(PagingError::Http(err)) if err.status().map(|s| s.as_u16()) == Some(500) => {}
        Ok(items) => {
            return Err(EXERCISE.fail(&format!(
                "page 1 answered 200 with 3 of 6 items, page 2 answered 500 with an empty list, \
                 and you returned `Ok` with {} items: a page that failed makes the list \
                 incomplete. Call `.error_for_status()?` on every answer before reading it",
                items.len()
            )));
        }
        Err(err) => {
            return Err(EXERCISE.fail(&format!(
                "page 2 answered 500; expected `Err(PagingError::Http(..))` with status 500, got \
                 {err:?}. Call `.error_for_status()?` on every answer: `?` turns its error into \
                 `PagingError::Http`"
            )));
        }
    }

    let server = failing_everything(503).await;
    let client = tagged_client(&server.uri());
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), "todos", page_size(3)))
        .await?;
    match result {
        Err(PagingError::Http(err)) if err.status().map(|s| s.as_u16()) == Some(503) => Ok(()),
        Err(PagingError::NoTotalCount { .. }) => Err(EXERCISE.fail(
            "page 1 answered 503 (without X-Total-Count, as error answers usually are), and you \
             returned `NoTotalCount`: the status is the real reason. Call \
             `.error_for_status()?` before reading the header",
        )),
        other => Err(EXERCISE.fail(&format!(
            "page 1 answered 503; expected `Err(PagingError::Http(..))` with status 503, got \
             {other:?}"
        ))),
    }
}

/// An answer without a usable `X-Total-Count` is `Err(PagingError::NoTotalCount { url })`,
/// promptly: no panic, no guessing, no endless loop.
pub async fn an_answer_without_a_total_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    for total in [None, Some("many")] {
        // Every page, whatever its number, is the same three items: the server never runs out.
        let server = MockServer::start().await;
        let mut answer =
            ResponseTemplate::new(200).set_body_json(json!([{"id": 1}, {"id": 2}, {"id": 3}]));
        if let Some(total) = total {
            answer = answer.insert_header("X-Total-Count", total);
        }
        Mock::given(method("GET"))
            .respond_with(answer)
            .mount(&server)
            .await;
        let client = tagged_client(&server.uri());
        let header = match total {
            None => "no X-Total-Count header".to_owned(),
            Some(total) => format!("`X-Total-Count: {total}`"),
        };

        let base_url = server.uri();
        // The timeout inside `run`, so that `run` always finishes what it started.
        let run = tokio::time::timeout(
            PATIENCE,
            candidate(&client, &base_url, "todos", page_size(3)),
        );
        let result = match EXERCISE.run(run).await? {
            Ok(result) => result,
            Err(_) => {
                let sent = server.received_requests().await.unwrap_or_default().len();
                return Err(EXERCISE.fail(&format!(
                    "against a server whose answers have {header}, your function had sent \
                     {sent} requests and was still going after {PATIENCE:?}: without a total \
                     there is no knowing when to stop, so return \
                     `Err(PagingError::NoTotalCount {{ url }})` after the first answer"
                )));
            }
        };
        match result {
            Err(PagingError::NoTotalCount { url }) if url.starts_with(&base_url) => {}
            Err(PagingError::NoTotalCount { url }) => {
                return Err(EXERCISE.fail(&format!(
                    "`NoTotalCount` should name the page's URL (`response.url()`), not {url:?}"
                )));
            }
            Ok(items) => {
                return Err(EXERCISE.fail(&format!(
                    "the answer had {header}, and you returned `Ok` with {} items: without the \
                     total the list may be incomplete. Return \
                     `Err(PagingError::NoTotalCount {{ url }})`",
                    items.len()
                )));
            }
            Err(err) => {
                return Err(EXERCISE.fail(&format!(
                    "the answer had {header}; expected `Err(PagingError::NoTotalCount {{ url }})`, \
                     got {err:?}"
                )));
            }
        }
    }
    Ok(())
}
