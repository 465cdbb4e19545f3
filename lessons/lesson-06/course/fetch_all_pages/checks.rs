//! The checks of exercise 11 (`fetch_all_pages`): each one a rule of the contract, each failure a
//! message that says what the server saw and which rule that breaks.
//!
//! They take the function under test as an argument, so that the same checks run against your
//! file (`tests/exercises.rs`), the reference solution and the course's collection of typical
//! wrong answers (`tests/course.rs`).
//!
//! The rule table: each clause of the contract (in `stub.rs`), the checks that test it, and the
//! inputs that make the near misses fail.
//!
//! | # | rule (clause of the contract) | checks | inputs that make the near misses fail |
//! |---|------|--------|-------------------------------|
//! | 1 | `GET {base_url}/{resource}`, the base URL's path kept | every check, through `requests_problem` | base URLs ending in `/api/v1` (the mock) and `/api/v2` (the checks' own server): a `Url::join` leaves them, and a request outside is a 404; resources `posts`, `todos`, `things`, so no constant passes; a method other than GET is named |
//! | 2 | `_page` from 1, `_limit` = `page_size` on every request, no other parameter | every check, through `requests_problem` and `shape_problem` (the billions check too) | page sizes 1 to 13, 30, 34 and 3,000,000,000 (10, json-server's default, only in `asks_for_exactly_the_pages_the_total_needs`: a `_limit` left out for it alone is named; elsewhere never 10, so that a `_limit` left out always shows; a cap of 100, as GitHub's `per_page`, fails); `_page=0`, read as page 1, is named; a parameter added (`_sort=id`) is named |
//! | 3 | sent with the given client | every check, through `requests_problem` | a tagged client; a request without the tag is named |
//! | 4 | one page at a time, in order | `asks_one_page_at_a_time_through_the_given_client`, `requests_problem` (arrival order) | 30 ms per answer: the server-side peak in flight must be 1 |
//! | 5 | nothing that blocks the thread | `asks_one_page_at_a_time_through_the_given_client` | a heartbeat on the test's thread: at least 2 gaps of 250 ms or more (a 300 ms `std::thread::sleep` after each of 3 pages makes 3; a busy machine's scheduler makes single gaps of 200 ms, and stalls adding up to 450 ms in short pieces, so neither one long gap nor a sum is enough) |
//! | 6 | pages = ceil(first total / page_size), page 1 alone for 0 | `asks_for_exactly_the_pages_the_total_needs`, `returns_every_todo_in_order`, `agrees_with_the_reference_on_seeded_lists` | totals an exact multiple (24 in 6), one more (25), one less (23), smaller than a page (5 in 13), 0, pages of 1 (13 in 1, 1 in 1); 200 in 30 and 100 in 34 on the mock. `total / size` fails 25, `total / size + 1` and "until an empty page" and "until a short page" fail 24, `(total - 1) / size + 1` panics on 0 |
//! | 7 | only the first answer's total is read; what a page holds does not change the count | `keeps_what_each_page_holds`, seeded lists | a short page 2 of 3 (a loop "until I have `total` items" never ends, "until a short page" stops early); a short page 1 of 3 (3 of 4 items: counting pages with page 1's length asks for a page 4); later answers saying 40 (more), 4 (fewer: a walk that lets a later total shrink the count stops at page 2 of 8), `many` (a helper that parses every answer's header fails on it), or nothing; the message names the later header when the stop matches what it would give, and a rounded-down count or a short page otherwise |
//! | 8 | the items as sent: not sorted, not de-duplicated, not cut or padded to the total | `asks_for_exactly_the_pages_the_total_needs`, `keeps_what_each_page_holds`, seeded lists (seed 51) | ids shuffled, with the first item of page 2 repeating one of page 1; more items than the total: a page 2 of 7 items in pages of 4 (the server ignored `_limit`), a full page 2 followed by 2 repeats of page 1, and `X-Total-Count: 0` with a page 1 of 5 items (truncating to the total, or returning `Ok(vec![])` for a 0 without reading page 1, loses them); then 7 items that are a number, a string, null, a list, true, an object and 7.5 (decoding a page as a list of objects fails) |
//! | 9 | an error status on any page is `Http` with that status; no further request, no partial list | `an_error_status_on_any_page_is_an_error`, seeded lists | 500 on page 3 of 5, 429 on page 2 of 3, 403 on the last page, 502 on page 2 of 2, 404 and 503 on page 1; seeded 400/403/404/410/429/500/502/503; the pages asked are compared; the 429 and the 503 carry `Retry-After: 1`: a wait and a second ask of the page ("the server said when to come back") is a retry the server counts |
//! | 10 | the status is checked before the header | `an_error_status_on_any_page_is_an_error`, seeded lists | 404 and 503 on page 1 without `X-Total-Count` (reading the header first gives `NoTotalCount`); seed 27, a 400 with an unreadable total |
//! | 11 | a request that fails is `Http`, no further request | `a_request_that_fails_is_an_error` | the connection dropped on page 2 of 3 (skipping the page gives `Ok`) |
//! | 12 | a body that is not a JSON list is `Http`, no further request | `a_body_that_is_not_a_list_is_an_error`, seeded lists | a 200 with HTML, a 200 with a JSON object, one holding the page's items under `results` (Django REST Framework's envelope: unwrapping it fails), a 204 No Content (no body: not an empty page), a 200 whose body is `null` (an `Option<Vec<_>>` takes it for an empty page), on page 2 of 3 (`unwrap_or_default` gives `Ok`); an HTML page 1 whose `X-Total-Count` is 0 (a 0 is still the one request for page 1, whose body is read); seeded HTML pages |
//! | 13 | no usable first total: `NoTotalCount { url }` naming page 1's URL, after one request | `an_answer_without_a_usable_total_is_an_error`, seeded lists | header missing (with GitLab's `X-Total` and GitHub's `Link` to the last page beside it: a fallback on either walks the pages), `many`, `-6`, `2.5`, empty, `18446744073709551616` (one past `u64::MAX`), and seeded `n/a`, `-1`, `1.5`, `0x10`; a server that pages correctly otherwise, so "until an empty page" returns `Ok`; page 1 redirected to an answer without a total (`url` is where the redirect ended, `response.url()`); no total and an HTML body: the total is judged from the head, before the body is read (a body decoded first returns `Http`) |
//! | 14 | more than `MAX_PAGES` pages: `TooManyPages { url, total, pages }`, after one request | `refuses_more_than_max_pages` | 7001 in pages of 7 (1001 pages), 5000000000 in pages of 7 (over `u32::MAX`: parsing as `u32` gives `NoTotalCount`), 4294967300 in pages of 1 (2^32 + 4 pages: a page count cast to `u32` before the bound wraps to 4 and walks them), `u64::MAX` in pages of 1 (`(total + size - 1) / size` overflows), `u64::MAX` in pages of 30 (614891469123651721 pages; a count in `f64` says …712) |
//! | 14b | page arithmetic never overflows, and nothing is reserved from the total | `walks_pages_of_billions_without_overflow` (in a second process) | pages of 3,000,000,000 and a total of 6,000,000,000: `page * page_size` in `u32` overflows on page 2 (a panic in a debug build); `Vec::with_capacity(total)` asks for hundreds of GB and the allocator aborts the process, read from its last words |
//! | 15 | exactly `MAX_PAGES` pages is fetched | `fetches_exactly_max_pages` (last: 1000 requests) | 6997 in pages of 7: 1000 pages, the last of 4 (`>=` for `>` refuses it) |
//! | 16 | never a panic | every check: a panic is reported with the scenario that caused it | see 6, 13, 14 |
//! | 17 | all of it together | `agrees_with_the_reference_on_seeded_lists` | 9 fixed seeds: random totals (0 to 41), page sizes (1 to 9), repeats, short and empty pages, pages holding more than `_limit`, failing pages, HTML pages, later headers that differ or are missing, unreadable totals; the result and every request compared with the reference solution's. A difference is reported with the seed's scenario and the rule that explains it (the first error not stopped at, a later header read, a short or long page, a rounded-down count, an item cut), never as a bare diff |
//! | 18 | a `base_url` that is no URL is an `Err`, no panic | `a_base_url_that_is_no_url_is_an_err` | `127.0.0.1:{port}`, its scheme left out, a server listening there: `Url::parse(base_url).expect(..)` panics; `http://` put in front reaches the server |

use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use lesson_support::testing::{Exercise, Verdict, is_tagged, tagged_client};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi, SeededRng};
use reqwest::Client;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::{MAX_PAGES, PagingError};

#[allow(dead_code, clippy::unwrap_used)]
#[path = "solution.rs"]
mod reference;

pub const EXERCISE: Exercise = Exercise {
    number: 11,
    file: "lessons/lesson-06/src/exercises/fetch_all_pages.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>;
    asks_one_page_at_a_time_through_the_given_client,
    returns_every_todo_in_order,
    asks_for_exactly_the_pages_the_total_needs,
    keeps_what_each_page_holds,
    an_error_status_on_any_page_is_an_error,
    a_request_that_fails_is_an_error,
    a_body_that_is_not_a_list_is_an_error,
    an_answer_without_a_usable_total_is_an_error,
    refuses_more_than_max_pages,
    walks_pages_of_billions_without_overflow,
    agrees_with_the_reference_on_seeded_lists,
    fetches_exactly_max_pages,
    a_base_url_that_is_no_url_is_an_err,
}

/// How many requests a walk on the checks' own servers may send before the check stops it: more
/// than any of their lists needs (at most 42 pages).
const WATCHDOG: usize = 60;

/// How long a function may run against one of these servers. Every answer is local and
/// immediate (or 30 ms late), so a correct function returns in milliseconds; the margin is for a
/// machine under load.
const PATIENCE: Duration = Duration::from_secs(3);

/// The base path of the checks' own servers: a base URL that ends in a path.
const BASE_PATH: &str = "/api/v2";

/// The resource the checks' own servers list.
const RESOURCE: &str = "things";

/// A gap between two heartbeats this long is a stall; two of them in one walk mean the thread
/// was blocked (a single gap of 200 ms happens on a busy machine).
const STALL: Duration = Duration::from_millis(250);

/// A task that beats every 5 ms on the current runtime and keeps the gaps of at least `STALL`
/// between two beats: on `#[tokio::test]`'s one thread, each blocking call in the code under
/// check shows as one. Stops when dropped.
struct Stalls {
    gaps: Arc<Mutex<Vec<Duration>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Stalls {
    fn start() -> Stalls {
        let gaps = Arc::new(Mutex::new(Vec::new()));
        let record = gaps.clone();
        let task = tokio::spawn(async move {
            let mut last = std::time::Instant::now();
            loop {
                tokio::time::sleep(Duration::from_millis(5)).await;
                let now = std::time::Instant::now();
                if now - last >= STALL {
                    record
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(now - last);
                }
                last = now;
            }
        });
        Stalls { gaps, task }
    }

    /// The stalls so far.
    fn gaps(&self) -> Vec<Duration> {
        self.gaps
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Stalls {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn size(size: u32) -> NonZeroU32 {
    NonZeroU32::new(size).unwrap_or(NonZeroU32::MIN)
}

// ---------------------------------------------------------------------------------------------
// What the server saw.

/// One request as a server received it.
#[derive(Clone, Debug)]
struct Seen {
    method: String,
    /// The path without the query: `/api/v2/things`.
    path: String,
    /// The path with its query, as the messages show it: `/api/v2/things?_page=1&_limit=6`.
    full: String,
    page: Option<i64>,
    limit: Option<i64>,
    /// The first query parameter other than `_page` and `_limit`, if any.
    other: Option<String>,
    tagged: bool,
}

impl Seen {
    fn new(method: &str, url: &reqwest::Url, tagged: bool) -> Seen {
        let param = |name: &str| {
            url.query_pairs()
                .find(|(key, _)| key == name)
                .and_then(|(_, value)| value.parse().ok())
        };
        let full = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        };
        Seen {
            method: method.to_owned(),
            path: url.path().to_owned(),
            full,
            page: param("_page"),
            limit: param("_limit"),
            other: url
                .query_pairs()
                .map(|(key, _)| key.into_owned())
                .find(|key| key != "_page" && key != "_limit"),
            tagged,
        }
    }
}

fn seen_by_mock(api: &MockApi) -> Vec<Seen> {
    api.arrivals()
        .iter()
        .filter_map(|arrival| {
            let url = reqwest::Url::parse(&format!("http://server{}", arrival.path)).ok()?;
            Some(Seen::new(
                &arrival.method,
                &url,
                is_tagged(&arrival.headers),
            ))
        })
        .collect()
}

/// The pages the server was asked for, in arrival order, as a message shows them.
fn pages_list(seen: &[Seen]) -> String {
    const SHOWN: usize = 30;
    let mut pages: Vec<String> = seen
        .iter()
        .take(SHOWN)
        .map(|seen| match seen.page {
            Some(page) => page.to_string(),
            None => "none".to_owned(),
        })
        .collect();
    if seen.len() > SHOWN {
        pages.push(format!("… {} in all", seen.len()));
    }
    format!("[{}]", pages.join(", "))
}

/// What is wrong with the requests of a walk that should have asked, through the tagged client,
/// for pages 1 to `pages` (at least page 1) of `page_size` items at `path`, in that order.
/// `scenario` says what the server held, for the message.
fn requests_problem(
    seen: &[Seen],
    path: &str,
    page_size: u32,
    pages: u64,
    scenario: &str,
) -> Option<String> {
    shape_problem(seen, path, page_size, scenario)
        .or_else(|| sequence_problem(seen, pages, scenario))
}

/// What is wrong with the requests of a walk whatever the pages it asked for: the method, the
/// path, the client, `_page` and `_limit`.
fn shape_problem(seen: &[Seen], path: &str, page_size: u32, scenario: &str) -> Option<String> {
    let base = path.rsplit_once('/').map_or("", |(base, _)| base);
    let Some(first) = seen.first() else {
        return Some(format!(
            "{scenario}: the server at `base_url` received no request. Build each URL from \
             `base_url` and `resource`: format!(\"{{base_url}}/{{resource}}\")"
        ));
    };
    if let Some(other) = seen.iter().find(|seen| seen.method != "GET") {
        return Some(format!(
            "{scenario}: the server received {} {}: every request of the walk is a GET, and \
             the GET of page 1 is the one that carries the total",
            other.method, other.full
        ));
    }
    if let Some(outside) = seen.iter().find(|seen| seen.path != path) {
        return Some(format!(
            "{scenario}: asked with a base URL ending in {base}, the server received \
             GET {}, which is not {path}. Every request goes to \
             format!(\"{{base_url}}/{{resource}}\"), keeping the base URL's path \
             (`Url::join` drops its last segment, and all of it for a path starting with `/`)",
            outside.full
        ));
    }
    if let Some(stranger) = seen.iter().find(|seen| !seen.tagged) {
        return Some(format!(
            "{scenario}: the request GET {} did not come from the `client` you were given: send \
             every page with `client.get(..)`, not `reqwest::get` or a new `Client`",
            stranger.full
        ));
    }
    if seen.iter().all(|seen| seen.page.is_none()) {
        return Some(format!(
            "{scenario}: the server received {} request(s) and none had a `_page` parameter \
             (the first was GET {}): that fetches the whole list at once and ignores \
             `page_size`. Ask for one page at a time: \
             `.query(&[(\"_page\", page), (\"_limit\", page_size.get())])`",
            seen.len(),
            first.full
        ));
    }
    if let Some(bad) = seen
        .iter()
        .find(|seen| seen.limit != Some(i64::from(page_size)))
    {
        let asked_for = match bad.limit {
            Some(limit) => format!("asked for `_limit={limit}`"),
            None => "has no `_limit`".to_owned(),
        };
        return Some(format!(
            "{scenario}: with a page size of {page_size}, the request GET {} {asked_for}: every \
             request needs `_limit` set to `page_size`, or the server pages by its default of \
             10. Let `.query(&[(\"_page\", page), (\"_limit\", page_size.get())])` write the \
             parameters",
            bad.full
        ));
    }
    if let Some(added) = seen.iter().find(|seen| seen.other.is_some()) {
        return Some(format!(
            "{scenario}: the request GET {} has a `{}` parameter: every request is exactly \
             `{{base_url}}/{{resource}}?_page=P&_limit={{page_size}}`, nothing added (another \
             parameter changes what the server answers: a sort, a filter, a cache-buster)",
            added.full,
            added.other.as_deref().unwrap_or_default()
        ));
    }
    None
}

/// What is wrong with the pages a walk asked for, in order, when it should have asked for pages
/// 1 to `pages` (at least page 1).
fn sequence_problem(seen: &[Seen], pages: u64, scenario: &str) -> Option<String> {
    let asked: Vec<i64> = seen.iter().map(|seen| seen.page.unwrap_or(-1)).collect();
    let last = i64::try_from(pages.max(1)).unwrap_or(i64::MAX);
    let wanted: Vec<i64> = (1..=last).collect();
    if asked == wanted {
        return None;
    }
    let list = pages_list(seen);
    if let Some(bad) = seen.iter().find(|seen| seen.page.is_none()) {
        return Some(format!(
            "{scenario}: the server saw pages {list}; the request GET {} has no `_page`: every \
             request names its page",
            bad.full
        ));
    }
    if asked.iter().any(|page| *page < 1) {
        return Some(format!(
            "{scenario}: the server saw pages {list}: pages are numbered from 1, and \
             json-server reads `_page=0` as page 1"
        ));
    }
    let pages_word = if pages == 1 { "page" } else { "pages" };
    if asked.len() > wanted.len() && asked.starts_with(&wanted) {
        return Some(format!(
            "{scenario}: that is exactly {} {pages_word}, and the server saw pages {list}: \
             every request after page {last} was one too many. The number of pages is \
             `total.div_ceil(page_size)`, fixed by the first answer: no page past it, whatever \
             the pages hold",
            pages.max(1)
        ));
    }
    if asked.len() < wanted.len() && wanted.starts_with(&asked) {
        return Some(format!(
            "{scenario}: that is {} {pages_word}, and the server saw only pages {list}: round \
             the division up (`total.div_ceil(page_size)`: a last, partial page is still a \
             page), and keep asking until that many pages are in, whatever a page holds",
            pages.max(1)
        ));
    }
    let mut sorted = asked.clone();
    sorted.sort_unstable();
    if sorted == wanted {
        return Some(format!(
            "{scenario}: the server saw pages {list}, out of order: ask for one page at a time, \
             page 2 once page 1's answer is read, and so on"
        ));
    }
    if let Some(twice) = sorted.windows(2).find(|pair| pair[0] == pair[1]) {
        return Some(format!(
            "{scenario}: the server saw pages {list}: page {} was asked for more than once; \
             each page from 1 to {last} once",
            twice[0]
        ));
    }
    Some(format!(
        "{scenario}: expected pages 1 to {last}, each once, in order; the server saw pages \
         {list}"
    ))
}

/// The `id`s of items, as a message shows them.
fn ids(items: &[Value]) -> String {
    let ids: Vec<String> = items
        .iter()
        .map(|item| match item.get("id") {
            Some(id) => id.to_string(),
            None => item.to_string(),
        })
        .collect();
    format!("[{}]", ids.join(", "))
}

/// What is wrong with the items returned, if anything. `total` is the first answer's
/// `X-Total-Count`, when it is a number.
fn items_problem(
    got: &[Value],
    expected: &[Value],
    total: Option<u64>,
    scenario: &str,
) -> Option<String> {
    if got == expected {
        return None;
    }
    if let Some(total) = total
        && got.len() as u64 == total
        && got.len() < expected.len()
        && expected.starts_with(got)
    {
        let zero = if total == 0 {
            " A total of 0 is still the one request for page 1, whose body is read like any \
             page's: the items it holds are in the result."
        } else {
            ""
        };
        return Some(format!(
            "{scenario}: the pages held, in order, the ids {} ({} items, more than the total); \
             you returned the first {total}, as many as `X-Total-Count` said, and left out the \
             last {}: the result is every item of every page as the server sent it, not cut to \
             the total (a page may hold more than `page_size` items, or repeat items).{zero}",
            ids(expected),
            expected.len(),
            expected.len() - got.len()
        ));
    }
    let key = |item: &Value| item.to_string();
    let mut got_sorted: Vec<String> = got.iter().map(key).collect();
    let mut expected_sorted: Vec<String> = expected.iter().map(key).collect();
    got_sorted.sort();
    expected_sorted.sort();
    let rule = if got.len() < expected.len() && expected.starts_with(got) {
        format!(
            "you returned the first {} and missed the last {}",
            got.len(),
            expected.len() - got.len()
        )
    } else if got_sorted == expected_sorted {
        "the same items in another order: keep the server's order, page 1's items, then page \
         2's, and so on, each page as it came (do not sort)"
            .to_owned()
    } else {
        let mut distinct = expected_sorted.clone();
        distinct.dedup();
        if distinct.len() < expected_sorted.len() && got.len() < expected.len() {
            "an item that the server sent twice (on two pages) must be in the result twice: \
             do not remove repeats"
                .to_owned()
        } else {
            "every item of every page, as the server sent it, nothing added or left out".to_owned()
        }
    };
    Some(format!(
        "{scenario}: the pages held, in order, the ids {} ({} items); you returned {} ({} items): \
         {rule}",
        ids(expected),
        expected.len(),
        ids(got),
        got.len()
    ))
}

/// Why a walk whose requests are right in shape asked for other pages than the contract's
/// `pages` (counting a page that fails), when something `list` holds explains it: a failure the
/// walk did not stop at, a later answer's `X-Total-Count`, a page that held fewer or more items
/// than `page_size`. `None` when the pages asked are not 1, 2, … in order, or nothing explains.
fn list_rule_problem(
    seen: &[Seen],
    list: &PagedList,
    page_size: u32,
    pages: u64,
    scenario: &str,
) -> Option<String> {
    let asked: Vec<i64> = seen.iter().map(|seen| seen.page.unwrap_or(-1)).collect();
    let walked = asked.len() as i64;
    let wanted = i64::try_from(pages.max(1)).unwrap_or(i64::MAX);
    if walked == 0 || walked == wanted || asked != (1..=walked).collect::<Vec<_>>() {
        return None;
    }
    let shown = pages_list(seen);
    if walked > wanted
        && let Some(failure) = list.failure(wanted)
    {
        return Some(format!(
            "{scenario}: {failure}, and the server saw pages {shown}: the walk stops at the \
             first error (an error status, a request that fails, a body that is not a list, a \
             first answer without a usable total) and asks for no further page"
        ));
    }
    let size = u64::from(page_size);
    if let Some(total) = list.first_total()
        && total % size != 0
        && walked == i64::try_from(total / size).unwrap_or(i64::MAX)
    {
        // The page count rounded down: `sequence_problem` says so.
        return None;
    }
    let how = if walked < wanted {
        format!("the walk stopped at page {walked} of {wanted}")
    } else {
        format!(
            "the walk went on to page {walked}, past the {wanted} pages the first answer's \
             total needs"
        )
    };
    match &list.later {
        Later::Says(total) => {
            if let Ok(later) = total.parse::<u64>() {
                let theirs = i64::try_from(later.div_ceil(size)).unwrap_or(i64::MAX);
                if walked >= 2 && (walked == theirs.clamp(2, wanted) || walked == theirs.max(2)) {
                    return Some(format!(
                        "{scenario}: only the first answer's X-Total-Count is read; later \
                         answers said {later}, and {how} (the server saw pages {shown}). The \
                         first answer's total fixes the number of pages, once: \
                         `total.div_ceil(page_size)`, not recounted from a later header"
                    ));
                }
            }
        }
        Later::Missing if walked == 2 && walked < wanted => {
            return Some(format!(
                "{scenario}: only the first answer's X-Total-Count is read; later answers \
                 carried none, and {how} (the server saw pages {shown}). The first answer's \
                 total fixes the number of pages, once"
            ));
        }
        _ => {}
    }
    if walked < wanted {
        let limit = i64::from(page_size);
        let held = list.page(walked, limit).len();
        if held < page_size as usize {
            return Some(format!(
                "{scenario}: page {walked} held {held} item(s), fewer than `page_size`, and {how} \
                 (the server saw pages {shown}): what a page holds does not change the number \
                 of pages; the first answer's total does (`total.div_ceil(page_size)`)"
            ));
        }
        if let Some(long) = (1..=walked).find(|page| list.beyond(*page) > 0) {
            let held: usize = (1..=walked).map(|page| list.page(page, limit).len()).sum();
            return Some(format!(
                "{scenario}: page {long} held {} items, more than `page_size`; pages 1 to \
                 {walked} held {held} items in all, and {how} (the server saw pages {shown}): \
                 the number of pages comes from the first answer's total \
                 (`total.div_ceil(page_size)`), not from counting the items that arrived",
                list.page(long, limit).len()
            ));
        }
    }
    None
}

/// Why the result of a walk differs from the contract's (`expected`), on `list`, whose walk by
/// the contract ended at page `last`.
fn result_problem(
    result: &Result<Vec<Value>, PagingError>,
    expected: &Result<Vec<Value>, PagingError>,
    list: &PagedList,
    last: u64,
    scenario: &str,
) -> Option<String> {
    let you = describe(result);
    let last = i64::try_from(last).unwrap_or(i64::MAX);
    match (result, expected) {
        (Ok(got), Ok(wanted)) => items_problem(got, wanted, list.first_total(), scenario),
        (Err(PagingError::Http(got)), Err(PagingError::Http(wanted)))
            if got.status() == wanted.status() =>
        {
            None
        }
        (Err(PagingError::NoTotalCount { .. }), Err(PagingError::NoTotalCount { .. })) => None,
        // A `NoTotalCount` where the contract's walk got further than page 1, or did not fail.
        (Err(PagingError::NoTotalCount { url }), _) if last > 1 || expected.is_ok() => {
            let later_page = !(url.contains("_page=1&") || url.ends_with("_page=1"));
            Some(match &list.later {
                later if later_page => format!(
                    "{scenario}: only the first answer's X-Total-Count is read; later answers {}, \
                     and you returned `NoTotalCount` for {url}, a later page",
                    match later {
                        Later::Says(total) => format!("said {total}"),
                        Later::Missing => "carried none".to_owned(),
                        Later::Same => "said the same".to_owned(),
                    }
                ),
                _ => format!(
                    "{scenario}: the first answer carried `x-total-count: {}`, and you returned \
                     `NoTotalCount` for {url}: look the header up with \
                     `response.headers().get(\"x-total-count\")` and parse it as a `u64`",
                    list.total.as_deref().unwrap_or_default()
                ),
            })
        }
        (_, Err(PagingError::Http(wanted))) => Some(match wanted.status() {
            Some(status) => format!(
                "{scenario}: page {last} answered {}, and you returned {you}: an error status on \
                 any page is `Err(PagingError::Http(..))` with that status, found by \
                 `.error_for_status()?` on every answer before its header or body is read; no \
                 partial list",
                status.as_u16()
            ),
            None => format!(
                "{scenario}: page {last} answered 200 with a body that is not a JSON list, and \
                 you returned {you}: that is `Err(PagingError::Http(..))`, the error of \
                 `.json::<Vec<Value>>().await?`; no partial list"
            ),
        }),
        (_, Err(PagingError::NoTotalCount { .. })) => Some(format!(
            "{scenario}: the first answer's X-Total-Count, {}, is not a whole number from 0 to \
             u64::MAX, and you returned {you}: that is `Err(PagingError::NoTotalCount {{ url }})`, \
             after the one request",
            list.total
                .as_deref()
                .map_or("missing".to_owned(), |total| format!("{total:?}"))
        )),
        (Err(err), Ok(_)) => Some(format!(
            "{scenario}: every page the contract asks for answered 200 with a JSON list, and you \
             returned an error: {err} ({err:?})"
        )),
        (_, Err(wanted)) => Some(format!(
            "{scenario}: the contract's result is `Err({wanted:?})`, and you returned {you}"
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// The checks' own server: a list paged the way json-server pages it, with knobs the mock's data
// cannot turn.

/// What later pages (2, 3, …) say in `X-Total-Count`.
#[derive(Clone, Debug)]
enum Later {
    /// The same as page 1, as json-server does.
    Same,
    /// No header at all.
    Missing,
    /// Another number.
    Says(String),
}

/// A list served by `_page` (from 1; 0 or less read as 1) and `_limit` (10 when absent), at
/// `{BASE_PATH}/{RESOURCE}`; any other path is a 404.
#[derive(Clone, Debug)]
struct PagedList {
    items: Vec<Value>,
    /// Page 1's `X-Total-Count`, if any.
    total: Option<String>,
    later: Later,
    /// Pages answered with this status, an empty list and no header.
    statuses: Vec<(i64, u16)>,
    /// Pages answered 200 (with the header) and this body instead of their items.
    bodies: Vec<(i64, &'static str)>,
    /// Pages that hold only their first n items.
    short: Vec<(i64, usize)>,
    /// Items a page holds after its own, beyond `_limit` (a server that pages loosely).
    extra: Vec<(i64, Vec<Value>)>,
    /// Every request received, in order (wiremock's own record is off: it costs more).
    log: Arc<Mutex<Vec<Seen>>>,
}

impl PagedList {
    /// `items` with an honest `X-Total-Count`.
    fn of(items: Vec<Value>) -> PagedList {
        PagedList {
            total: Some(items.len().to_string()),
            items,
            later: Later::Same,
            statuses: Vec::new(),
            bodies: Vec::new(),
            short: Vec::new(),
            extra: Vec::new(),
            log: Arc::default(),
        }
    }

    fn total(mut self, total: Option<&str>) -> PagedList {
        self.total = total.map(str::to_owned);
        self
    }

    fn later(mut self, later: Later) -> PagedList {
        self.later = later;
        self
    }

    fn status(mut self, page: i64, status: u16) -> PagedList {
        self.statuses.push((page, status));
        self
    }

    fn body(mut self, page: i64, body: &'static str) -> PagedList {
        self.bodies.push((page, body));
        self
    }

    fn short(mut self, page: i64, keep: usize) -> PagedList {
        self.short.push((page, keep));
        self
    }

    fn extra(mut self, page: i64, items: Vec<Value>) -> PagedList {
        self.extra.push((page, items));
        self
    }

    /// Page 1's `X-Total-Count` as a number, if it is one.
    fn first_total(&self) -> Option<u64> {
        self.total.as_deref()?.parse().ok()
    }

    /// What ends a walk of this list at page `page`, said for a message, if something does.
    fn failure(&self, page: i64) -> Option<String> {
        if let Some((_, status)) = self.statuses.iter().find(|(number, _)| *number == page) {
            return Some(format!("page {page} answered {status}"));
        }
        if self.bodies.iter().any(|(number, _)| *number == page) {
            return Some(format!(
                "page {page} answered 200 with a body that is not a JSON list"
            ));
        }
        if page == 1 && self.first_total().is_none() {
            return Some(match &self.total {
                Some(total) => format!("the first answer's X-Total-Count was {total:?}"),
                None => "the first answer had no X-Total-Count".to_owned(),
            });
        }
        None
    }

    /// How many items page `page` holds beyond `_limit`.
    fn beyond(&self, page: i64) -> usize {
        self.extra
            .iter()
            .filter(|(number, _)| *number == page)
            .map(|(_, items)| items.len())
            .sum()
    }

    /// Page `page` of `limit` items, as this server sends it.
    fn page(&self, page: i64, limit: i64) -> Vec<Value> {
        let limit = usize::try_from(limit).unwrap_or(10);
        let start = usize::try_from(page - 1)
            .unwrap_or(0)
            .saturating_mul(limit)
            .min(self.items.len());
        let end = start.saturating_add(limit).min(self.items.len());
        let mut items = self.items[start..end].to_vec();
        if let Some((_, keep)) = self.short.iter().find(|(number, _)| *number == page) {
            items.truncate(*keep);
        }
        for (_, more) in self.extra.iter().filter(|(number, _)| *number == page) {
            items.extend(more.iter().cloned());
        }
        items
    }

    /// What the walk of the reference returns on this server: pages 1 to `pages` concatenated.
    fn walk(&self, page_size: u32, pages: u64) -> Vec<Value> {
        (1..=i64::try_from(pages).unwrap_or(0))
            .flat_map(|page| self.page(page, i64::from(page_size)))
            .collect()
    }

    /// Starts a server for this list, with a log of its own: the server, the base URL, and the
    /// log.
    async fn start(mut self) -> (MockServer, String, Arc<Mutex<Vec<Seen>>>) {
        let log = Arc::new(Mutex::new(Vec::new()));
        self.log = log.clone();
        let server = lesson_support::testing::fresh_server_builder()
            .disable_request_recording()
            .start()
            .await;
        Mock::given(any()).respond_with(self).mount(&server).await;
        let base_url = format!("{}{BASE_PATH}", server.uri());
        (server, base_url, log)
    }
}

impl Respond for PagedList {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Seen::new(
                request.method.as_str(),
                &request.url,
                is_tagged(&request.headers),
            ));
        if request.url.path() != format!("{BASE_PATH}/{RESOURCE}") {
            return ResponseTemplate::new(404).set_body_json(json!({}));
        }
        let param = |name: &str| {
            request
                .url
                .query_pairs()
                .find(|(key, _)| key == name)
                .and_then(|(_, value)| value.parse::<i64>().ok())
        };
        let Some(page) = param("_page") else {
            // No paging asked for: the whole list, without a total, as json-server answers.
            return ResponseTemplate::new(200).set_body_json(&self.items);
        };
        let page = page.max(1);
        let limit = param("_limit").filter(|limit| *limit > 0).unwrap_or(10);
        if let Some((_, status)) = self.statuses.iter().find(|(number, _)| *number == page) {
            let answer = ResponseTemplate::new(*status).set_body_json(json!([]));
            // A 429 or a 503 says when to come back, as real servers do: an error all the
            // same, which ends the walk (asking again after the wait is a retry).
            return if matches!(*status, 429 | 503) {
                answer.insert_header("Retry-After", "1")
            } else {
                answer
            };
        }
        let mut answer = ResponseTemplate::new(200);
        let total = match (&self.later, page) {
            (_, 1) | (Later::Same, _) => self.total.clone(),
            (Later::Missing, _) => None,
            (Later::Says(total), _) => Some(total.clone()),
        };
        match total {
            Some(total) => answer = answer.insert_header("X-Total-Count", total.as_str()),
            // Without `X-Total-Count`, the honest total under another API's name (GitLab's
            // `X-Total`): the contract reads `X-Total-Count` only, and falling back on a
            // look-alike walks pages a missing total never promised.
            // And GitHub's `Link` to the last page, which the contract does not read either.
            None => {
                let pages = self
                    .items
                    .len()
                    .div_ceil(usize::try_from(limit).unwrap_or(1));
                let mut last = request.url.clone();
                last.set_query(Some(&format!("_page={pages}&_limit={limit}")));
                answer = answer
                    .insert_header("X-Total", self.items.len().to_string().as_str())
                    .insert_header("Link", format!("<{last}>; rel=\"last\"").as_str());
            }
        }
        match self.bodies.iter().find(|(number, _)| *number == page) {
            Some((_, body)) => answer.set_body_raw(*body, "application/json"),
            None => answer.set_body_json(self.page(page, limit)),
        }
    }
}

/// `count` items whose ids are shuffled, with one id on two pages (when there are more than
/// `page_size` items), from a seed.
fn things(count: usize, page_size: u32, seed: u64) -> Vec<Value> {
    let mut rng = SeededRng::new(seed);
    let mut ids: Vec<u64> = (1..=count as u64).map(|n| n * 7 % 101 + n).collect();
    rng.shuffle(&mut ids);
    let page_size = page_size as usize;
    if count > page_size {
        // The first item of page 2 repeats an item of page 1.
        ids[page_size] = ids[rng.between(0, page_size as u64 - 1) as usize];
    }
    ids.into_iter()
        .map(|id| json!({"id": id, "name": format!("thing {id}")}))
        .collect()
}

/// How a run of the function under check ended.
enum Ran {
    Done(Result<Vec<Value>, PagingError>),
    /// Stopped by the check: too many requests, or still running after its patience.
    StillGoing,
}

/// Runs the candidate against `list` with `page_size`, within `patience`; a panic becomes a
/// message that names the scenario.
async fn run_on<F>(
    candidate: &F,
    client: &Client,
    list: PagedList,
    page_size: u32,
    max_requests: usize,
    scenario: &str,
) -> Result<(Ran, Vec<Seen>, String), String>
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let (_server, base_url, log) = list.start().await;
    let sent = || log.lock().unwrap_or_else(PoisonError::into_inner).len();
    // Stops a walk that has sent more than `max_requests` (it would go on for ever), without
    // waiting out a timeout.
    let watchdog = async {
        while sent() <= max_requests {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    };
    let walk = async {
        tokio::select! {
            result = candidate(client, &base_url, RESOURCE, size(page_size)) => Some(result),
            () = watchdog => None,
        }
    };
    // The timeout inside `run`, so that `run` always finishes what it started.
    let patience = PATIENCE + Duration::from_millis(20) * u32::try_from(max_requests).unwrap_or(0);
    let ran = match EXERCISE.run(tokio::time::timeout(patience, walk)).await {
        Ok(Ok(Some(result))) => Ran::Done(result),
        Ok(_) => Ran::StillGoing,
        Err(message) => return Err(with_scenario(&message, scenario)),
    };
    let seen = log.lock().unwrap_or_else(PoisonError::into_inner).clone();
    Ok((ran, seen, base_url))
}

/// A message from `Exercise::run` (a panic), with the scenario that caused it.
fn with_scenario(message: &str, scenario: &str) -> String {
    match message.find("your code panicked") {
        Some(start) => {
            let end = message.find("\n  (stuck?").unwrap_or(message.len());
            let panic = &message[start..end];
            if panic.contains("with overflow") {
                // The advice of `Exercise::run` is about unwrapping; this one is arithmetic.
                let end = panic.find(". Handle the error").unwrap_or(panic.len());
                EXERCISE.fail(&format!(
                    "{scenario}: {}: never a panic, whatever the total and the page size: \
                     count pages in `u64` with arithmetic that cannot overflow. \
                     `total.div_ceil(page_size)` cannot overflow; `(total + page_size - 1) / \
                     page_size` can, and so can `page * page_size` in `u32`",
                    &panic[..end]
                ))
            } else {
                EXERCISE.fail(&format!("{scenario}: {panic}"))
            }
        }
        None => message.to_owned(),
    }
}

/// The message for a run the check had to stop.
fn still_going(seen: &[Seen], scenario: &str) -> String {
    EXERCISE.fail(&format!(
        "{scenario}: your function had sent {} requests (pages {}) and was still going when the \
         check stopped it: the first answer's total fixes the number of pages, and nothing else \
         ends the walk",
        seen.len(),
        pages_list(seen)
    ))
}

/// The tagged client a check hands to the function under check, one per check: building a
/// client costs tens of milliseconds, and the checks' servers each have their own port, so
/// their connections never mix.
fn checks_client() -> Client {
    tagged_client("http://127.0.0.1")
}

/// `{BASE_PATH}/{RESOURCE}`: where every request should go.
fn list_path() -> String {
    format!("{BASE_PATH}/{RESOURCE}")
}

/// The error of a result, described for a message.
fn describe(result: &Result<Vec<Value>, PagingError>) -> String {
    match result {
        Ok(items) => format!("`Ok` with {} items", items.len()),
        Err(PagingError::Http(err)) => match err.status() {
            Some(status) => format!(
                "`Err(PagingError::Http(..))` with status {}",
                status.as_u16()
            ),
            None if err.is_decode() => {
                "`Err(PagingError::Http(..))`, a body that would not decode".to_owned()
            }
            None => format!("`Err(PagingError::Http(..))`: {err}"),
        },
        Err(err) => format!("`Err({err:?})`"),
    }
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// Three pages of posts, 30 ms apart, asked one after another, in order, through the given
/// client, without blocking the thread.
pub async fn asks_one_page_at_a_time_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let api = MockApi::builder()
        .base_path("/api/v1")
        .latency(Latency::Fixed(Duration::from_millis(30)))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let stalls = Stalls::start();
    let scenario = "asked for the 100 `posts` in pages of 34 (3 pages) of a server that answers \
                    each request after 30 ms";

    let base_url = api.uri();
    let run = tokio::time::timeout(PATIENCE, candidate(&client, &base_url, "posts", size(34)));
    let result = EXERCISE
        .run(run)
        .await
        .map_err(|m| with_scenario(&m, scenario))?;

    let gaps = stalls.gaps();
    let seen = seen_by_mock(&api);
    let Ok(result) = result else {
        return Err(still_going(&seen, scenario));
    };
    if gaps.len() >= 2 {
        let gaps: Vec<String> = gaps
            .iter()
            .map(|gap| format!("{} ms", gap.as_millis()))
            .collect();
        return Err(EXERCISE.fail(&format!(
            "{scenario}: the runtime's thread was blocked {} times while the pages were fetched \
             ({}): something waits without `.await` (`std::thread::sleep`, a blocking client). \
             Pause with `tokio::time::sleep(..).await` if you must",
            gaps.len(),
            gaps.join(", ")
        )));
    }
    let peak = api.peak_in_flight();
    if peak > 1 {
        return Err(EXERCISE.fail(&format!(
            "{scenario}: the server had {peak} of your requests in flight at once (pages {}): \
             the contract asks for one page at a time, page 2 once page 1's answer is read",
            pages_list(&seen)
        )));
    }
    if let Some(err) = stopped_by_an_error(&result, &seen, "/api/v1/posts", 34) {
        return Err(unexpected_error(scenario, "100", err));
    }
    if let Some(problem) = requests_problem(&seen, "/api/v1/posts", 34, 3, scenario) {
        return Err(EXERCISE.fail(&problem));
    }
    match result {
        Ok(items) if items.len() == 100 => Ok(()),
        Ok(items) => Err(EXERCISE.fail(&format!(
            "{scenario}: expected `Ok` with the 100 posts, got `Ok` with {} items",
            items.len()
        ))),
        Err(err) => Err(unexpected_error(scenario, "100", &err)),
    }
}

/// The error of a walk that returned one after requests that were right as far as they went
/// (pages 1, 2, … in order, to the right path, with the right `_limit`): then the error, not
/// the pages it did not ask for, is what the learner needs to hear about.
fn stopped_by_an_error<'a>(
    result: &'a Result<Vec<Value>, PagingError>,
    seen: &[Seen],
    path: &str,
    page_size: u32,
) -> Option<&'a PagingError> {
    let err = result.as_ref().err()?;
    let so_far = seen.len() as u64;
    (so_far > 0 && requests_problem(seen, path, page_size, so_far, "").is_none()).then_some(err)
}

/// The message for an error from a server that pages correctly and says `X-Total-Count: total`.
fn unexpected_error(scenario: &str, total: &str, err: &PagingError) -> String {
    match err {
        PagingError::NoTotalCount { url } => EXERCISE.fail(&format!(
            "{scenario}: every answer carried `x-total-count: {total}`, and you returned \
             `NoTotalCount` for {url}: look the header up with \
             `response.headers().get(\"x-total-count\")` (header names are case-insensitive, \
             and HTTP/1 sends them in lower case; `HeaderMap::get` ignores case) and parse it as \
             a `u64`"
        )),
        err => EXERCISE.fail(&format!(
            "{scenario}: every answer was a 200 with its page, and you returned an error: {err} \
             ({err:?})"
        )),
    }
}

/// All 200 todos come back, each once, in the order `GET /todos` lists them, from a base URL
/// with a path.
pub async fn returns_every_todo_in_order<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let api = MockApi::builder().base_path("/api/v1").start().await;
    let client = tagged_client(&api.uri());
    let expected: Vec<Value> = match all_items(&client, &api.uri(), "todos").await {
        Ok(items) => items,
        Err(err) => return Err(format!("the checks could not list the todos: {err}")),
    };
    let before = api.arrivals().len();
    let scenario = "asked for the 200 `todos` in pages of 30 (6 full pages and a 7th of 20)";

    let base_url = api.uri();
    let run = tokio::time::timeout(PATIENCE, candidate(&client, &base_url, "todos", size(30)));
    let result = EXERCISE
        .run(run)
        .await
        .map_err(|m| with_scenario(&m, scenario))?;

    let seen = seen_by_mock(&api).split_off(before);
    let Ok(result) = result else {
        return Err(still_going(&seen, scenario));
    };
    if let Some(err) = stopped_by_an_error(&result, &seen, "/api/v1/todos", 30) {
        return Err(unexpected_error(scenario, "200", err));
    }
    if let Some(problem) = requests_problem(&seen, "/api/v1/todos", 30, 7, scenario) {
        return Err(EXERCISE.fail(&problem));
    }
    let items = match result {
        Ok(items) => items,
        Err(err) => return Err(unexpected_error(scenario, "200", &err)),
    };
    match items_problem(&items, &expected, Some(200), scenario) {
        None => Ok(()),
        Some(problem) => Err(EXERCISE.fail(&problem)),
    }
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

/// Runs a walk that should succeed on `list`, and compares the pages asked and the items
/// returned with the contract's.
async fn expect_walk<F>(
    candidate: &F,
    client: &Client,
    list: PagedList,
    page_size: u32,
    pages: u64,
    scenario: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let expected = list.walk(page_size, pages);
    let total = list.total.clone().unwrap_or_default();
    let (ran, seen, _) = run_on(
        candidate,
        client,
        list.clone(),
        page_size,
        WATCHDOG,
        scenario,
    )
    .await?;
    let Ran::Done(result) = ran else {
        return Err(still_going(&seen, scenario));
    };
    if let Err(PagingError::NoTotalCount { .. }) = &result
        && !matches!(list.later, Later::Same)
    {
        // A later answer's header (or its absence) was read.
        let problem = result_problem(&result, &Ok(expected), &list, pages, scenario);
        return Err(EXERCISE.fail(&problem.unwrap_or_default()));
    }
    if let Some(err) = stopped_by_an_error(&result, &seen, &list_path(), page_size) {
        return Err(unexpected_error(scenario, &total, err));
    }
    if let Some(problem) = shape_problem(&seen, &list_path(), page_size, scenario)
        .or_else(|| list_rule_problem(&seen, &list, page_size, pages, scenario))
        .or_else(|| sequence_problem(&seen, pages, scenario))
    {
        return Err(EXERCISE.fail(&problem));
    }
    match result {
        Ok(items) => match items_problem(&items, &expected, list.first_total(), scenario) {
            None => Ok(()),
            Some(problem) => Err(EXERCISE.fail(&problem)),
        },
        Err(err) => Err(unexpected_error(scenario, &total, &err)),
    }
}

/// Totals that are an exact multiple of the page size, one more, one less, smaller than a page,
/// zero, and pages of one item: each asks for exactly `ceil(total / page_size)` pages (page 1
/// alone for 0), and returns the items as sent.
pub async fn asks_for_exactly_the_pages_the_total_needs<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    for (seed, (total, page_size)) in [
        (24, 6),
        (25, 6),
        (23, 6),
        (5, 13),
        (0, 7),
        (13, 1),
        (1, 1),
        // json-server's own default page size: `_limit=10` is still sent.
        (27, 10),
    ]
    .into_iter()
    .enumerate()
    {
        let pages = (total as u64).div_ceil(u64::from(page_size));
        let scenario = format!(
            "asked with a page size of {page_size} for a list whose first answer says \
             `X-Total-Count: {total}`"
        );
        let list = PagedList::of(things(total, page_size, seed as u64));
        expect_walk(candidate, &client, list, page_size, pages, &scenario).await?;
    }
    Ok(())
}

/// Only the first answer's total counts, and a page's contents do not change the number of
/// pages: a short page 2 is followed by page 3, later pages that say another total (or none)
/// are not read, and an item on two pages is returned twice.
pub async fn keeps_what_each_page_holds<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    let list = PagedList::of(things(12, 4, 31)).short(2, 1);
    expect_walk(
        candidate,
        &client,
        list,
        4,
        3,
        "asked with a page size of 4 for a list of 12 (`X-Total-Count: 12`, 3 pages) whose page \
         2 holds a single item",
    )
    .await?;
    // A short page 1: the server's page size is still `page_size` (taking page 1's length for
    // it asks for more pages than the total needs).
    let list = PagedList::of(things(10, 4, 33)).short(1, 3);
    expect_walk(
        candidate,
        &client,
        list,
        4,
        3,
        "asked with a page size of 4 for a list of 10 (`X-Total-Count: 10`, 3 pages) whose page \
         1 holds 3 items",
    )
    .await?;
    let list = PagedList::of(things(9, 4, 37)).later(Later::Says("40".to_owned()));
    expect_walk(
        candidate,
        &client,
        list,
        4,
        3,
        "asked with a page size of 4 for a list whose first answer says `X-Total-Count: 9` (3 \
         pages) and later ones say 40 (only the first answer's total counts)",
    )
    .await?;
    let list = PagedList::of(things(11, 5, 41)).later(Later::Missing);
    expect_walk(
        candidate,
        &client,
        list,
        5,
        3,
        "asked with a page size of 5 for a list whose first answer says `X-Total-Count: 11` (3 \
         pages) and later answers have no X-Total-Count (only the first answer's total is read)",
    )
    .await?;
    let list = PagedList::of(things(23, 3, 61)).later(Later::Says("4".to_owned()));
    expect_walk(
        candidate,
        &client,
        list,
        3,
        8,
        "asked with a page size of 3 for a list whose first answer says `X-Total-Count: 23` (8 \
         pages) and later ones say 4",
    )
    .await?;
    // A later header that is not a number is not read either (a helper that parses every
    // answer's header returns `NoTotalCount` for it).
    let list = PagedList::of(things(8, 3, 67)).later(Later::Says("many".to_owned()));
    expect_walk(
        candidate,
        &client,
        list,
        3,
        3,
        "asked with a page size of 3 for a list whose first answer says `X-Total-Count: 8` (3 \
         pages) and later ones say `many`",
    )
    .await?;
    // More items than the total: a page longer than `page_size`, then repeats on top of a full
    // count, then items on page 1 despite a total of 0.
    let items = things(10, 4, 71);
    let more = vec![
        json!({"id": 901, "name": "thing 901"}),
        items[1].clone(),
        json!({"id": 902, "name": "thing 902"}),
    ];
    let list = PagedList::of(items).extra(2, more);
    expect_walk(
        candidate,
        &client,
        list,
        4,
        3,
        "asked with a page size of 4 for a list whose first answer says `X-Total-Count: 10` (3 \
         pages) and whose page 2 holds 7 items (the server ignored `_limit` there)",
    )
    .await?;
    let items = things(8, 4, 73);
    let repeats = vec![items[2].clone(), items[0].clone()];
    let list = PagedList::of(items).extra(2, repeats);
    expect_walk(
        candidate,
        &client,
        list,
        4,
        2,
        "asked with a page size of 4 for a list whose first answer says `X-Total-Count: 8` (2 \
         pages) and whose page 2 holds its 4 items and then 2 items of page 1 again",
    )
    .await?;
    let list = PagedList::of(things(5, 6, 79)).total(Some("0"));
    expect_walk(
        candidate,
        &client,
        list,
        6,
        1,
        "asked with a page size of 6 for a list whose first answer says `X-Total-Count: 0` (the \
         one request for page 1) and still holds 5 items",
    )
    .await?;
    // Items that are not objects: a list holds whatever JSON values the server put in it.
    let items = vec![
        json!(1),
        json!("a"),
        Value::Null,
        json!([2, 3]),
        json!(true),
        json!({"id": 6}),
        json!(7.5),
    ];
    let list = PagedList::of(items);
    expect_walk(
        candidate,
        &client,
        list,
        3,
        3,
        "asked with a page size of 3 for a list of 7 (`X-Total-Count: 7`, 3 pages) whose items \
         are a number, a string, null, a list, true, an object and 7.5: every JSON value is an \
         item, as the server sent it",
    )
    .await
}

/// A status that is not a success, on any page, is `Err(PagingError::Http(..))` with that
/// status, after no further request: 500 on page 3 of 5, 429 on page 2 of 3, 403 on the last
/// page, 502 on page 2 of 2, and on page 1 a 404 and a 503 without `X-Total-Count`.
pub async fn an_error_status_on_any_page_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    // (items, page size, failing page, status)
    for (count, page_size, failing, status) in [
        (20, 4, 3, 500),
        (9, 4, 2, 429),
        (16, 4, 4, 403),
        (7, 6, 2, 502),
        (10, 3, 1, 404),
        (10, 3, 1, 503),
    ] {
        let pages = (count as u64).div_ceil(u64::from(page_size));
        let scenario = format!(
            "asked with a page size of {page_size} for a list of {count} ({pages} pages) whose \
             page {failing} answers {status}{}{}",
            if matches!(status, 429 | 503) {
                " (with `Retry-After: 1`)"
            } else {
                ""
            },
            if failing == 1 {
                " with an empty list and no X-Total-Count"
            } else {
                " with an empty list"
            }
        );
        let list = PagedList::of(things(count, page_size, 43)).status(failing, status);
        let (ran, seen, _) =
            run_on(candidate, &client, list, page_size, WATCHDOG, &scenario).await?;
        let Ran::Done(result) = ran else {
            return Err(still_going(&seen, &scenario));
        };
        match &result {
            Err(PagingError::Http(err)) if err.status().map(|s| s.as_u16()) == Some(status) => {}
            Ok(items) => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}, and you returned `Ok` with {} items: a page that failed makes \
                     the list incomplete, and what arrived before it is not the list. Call \
                     `.error_for_status()?` on every answer before reading it",
                    items.len()
                )));
            }
            Err(PagingError::NoTotalCount { .. }) if failing == 1 => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}, and you returned `NoTotalCount`: the status is the real reason \
                     (error answers rarely carry the total). Call `.error_for_status()?` before \
                     reading the header"
                )));
            }
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}; expected `Err(PagingError::Http(..))` with status {status}, \
                     got {}. Call `.error_for_status()?` on every answer: `?` turns its error \
                     into `PagingError::Http`",
                    describe(&result)
                )));
            }
        }
        let wanted = failing;
        let asked: Vec<i64> = seen.iter().filter_map(|seen| seen.page).collect();
        if asked != (1..=wanted).collect::<Vec<_>>() {
            return Err(EXERCISE.fail(&format!(
                "{scenario}: the server saw pages {}; expected pages 1 to {failing}, one after \
                 another, and none after the one that failed: the walk stops at the first error",
                pages_list(&seen)
            )));
        }
    }
    Ok(())
}

/// A request that gets no answer at all (the server drops the connection on page 2 of 3) is
/// `Err(PagingError::Http(..))`, after no further request.
pub async fn a_request_that_fails_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let api = MockApi::builder()
        .base_path("/api/v1")
        .fault(Fault {
            select: FaultSelect::EveryNth(2),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let scenario = "asked for the 100 `posts` in pages of 34 (3 pages) of a server that closes \
                    the connection without an answer on the second request (page 2)";
    let base_url = api.uri();
    let run = tokio::time::timeout(PATIENCE, candidate(&client, &base_url, "posts", size(34)));
    let result = EXERCISE
        .run(run)
        .await
        .map_err(|m| with_scenario(&m, scenario))?;
    let seen = seen_by_mock(&api);
    let Ok(result) = result else {
        return Err(still_going(&seen, scenario));
    };
    match &result {
        Err(PagingError::Http(err)) if err.status().is_none() => {}
        _ => {
            return Err(EXERCISE.fail(&format!(
                "{scenario}; expected `Err(PagingError::Http(..))`, the error of `.send().await?` \
                 for a request that got no answer, got {}",
                describe(&result)
            )));
        }
    }
    let asked: Vec<Option<i64>> = seen.iter().map(|seen| seen.page).collect();
    if asked != [Some(1), Some(2)] {
        return Err(EXERCISE.fail(&format!(
            "{scenario}: the server saw pages {}; expected pages 1 and 2, and none after the one \
             that failed: the walk stops at the first error",
            pages_list(&seen)
        )));
    }
    Ok(())
}

/// A 200 whose body is not a JSON list (HTML, or a JSON object) is `Err(PagingError::Http(..))`,
/// after no further request.
pub async fn a_body_that_is_not_a_list_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    // (page, the first answer's total, status, body)
    for (page, total, status, body) in [
        (2, "8", 200, "<html><body>Service unavailable</body></html>"),
        (2, "8", 200, "{\"items\": [], \"next\": null}"),
        (1, "0", 200, "<html><body>Nothing here</body></html>"),
        // No Content: a success, whose (absent) body is no list either, not an empty page.
        (2, "8", 204, ""),
        // JSON's `null` is no list either (`resp.json() or []` reads it as an empty page).
        (2, "8", 200, "null"),
        // Django REST Framework's envelope: an object holding the list is not the list.
        (
            2,
            "8",
            200,
            "{\"count\": 8, \"next\": null, \"results\": [{\"id\": 4}, {\"id\": 5}]}",
        ),
    ] {
        let scenario = if page == 1 {
            format!(
                "asked with a page size of 3 for a list whose first answer says `X-Total-Count: \
                 {total}` (the one request for page 1) and is a 200 with the body {body:?}"
            )
        } else {
            format!(
                "asked with a page size of 3 for a list of {total} (3 pages) whose page {page} \
                 answers {status} with the body {body:?}"
            )
        };
        let list = PagedList::of(things(8, 3, 47)).total(Some(total));
        let list = if status == 200 {
            list
        } else {
            list.status(page, status)
        }
        .body(page, body);
        let (ran, seen, _) = run_on(candidate, &client, list, 3, WATCHDOG, &scenario).await?;
        let Ran::Done(result) = ran else {
            return Err(still_going(&seen, &scenario));
        };
        match &result {
            Err(PagingError::Http(err)) if err.is_decode() => {}
            _ => {
                let zero = if total == "0" {
                    ": a total of 0 is still the one request for page 1, whose body is read like \
                     any page's"
                } else {
                    ""
                };
                return Err(EXERCISE.fail(&format!(
                    "{scenario}; expected `Err(PagingError::Http(..))`, the error of \
                     `.json::<Vec<Value>>().await?` (a body that is not a list), got {}{zero}",
                    describe(&result)
                )));
            }
        }
        let asked: Vec<i64> = seen.iter().filter_map(|seen| seen.page).collect();
        if asked != (1..=page).collect::<Vec<_>>() {
            let expected = if page == 1 {
                "page 1 alone".to_owned()
            } else {
                format!("pages 1 to {page}")
            };
            return Err(EXERCISE.fail(&format!(
                "{scenario}: the server saw pages {}; expected {expected}, and none after the \
                 one that failed: the walk stops at the first error",
                pages_list(&seen)
            )));
        }
    }
    Ok(())
}

/// Pages of 3,000,000,000 (a `NonZeroU32` holds it) and a total of 6,000,000,000: two pages,
/// well under `MAX_PAGES`, so the walk asks for both and returns what they hold (here 5 items,
/// all on page 1). Page arithmetic in `u32` (`page * page_size`) overflows on page 2: a panic
/// in a debug build, a wrong stop in a release one.
///
/// The walk runs in a second process of the test program: a function that reserves room for
/// the announced total (`Vec::with_capacity(total)`: 6,000,000,000 items, hundreds of GB) makes
/// the allocator abort the process, which no panic handler catches, and the check reads that
/// from the second process's last words.
pub async fn walks_pages_of_billions_without_overflow<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    use lesson_support::testing::second_process;
    const CHECK: &str = "walks_pages_of_billions_without_overflow";
    if let Some(folder) = second_process::folder(CHECK) {
        let verdict = walk_pages_of_billions(candidate).await;
        second_process::report(&folder, &verdict);
        return verdict;
    }
    let folder = std::env::temp_dir().join(format!(
        "lesson-06-check-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let setup =
        |err: std::io::Error| format!("the check could not start its second process: {err}");
    std::fs::create_dir_all(&folder).map_err(setup)?;
    let started = second_process::start(CHECK, &folder, second_process::Limits::None);
    let verdict = match started {
        Ok(Some(second)) => second.verdict().await,
        // The test's name is unknown (not run by the test harness): the walk runs here.
        Ok(None) => Ok(walk_pages_of_billions(candidate).await),
        Err(err) => Err(setup(err)),
    };
    let _ = std::fs::remove_dir_all(&folder);
    match verdict {
        Ok(verdict) => verdict,
        Err(what) if what.contains("memory allocation of") => Err(EXERCISE.fail(&format!(
            "asked with a page size of 3000000000 for a list whose first answer says \
             `X-Total-Count: 6000000000` (2 pages) and holds 5 items, the process aborted: \
             \"memory allocation of … bytes failed\". The total is a number the server chose: \
             reserve no room from it (`Vec::with_capacity(total)`), let the list grow with \
             the items that come; never a panic, nor an abort ({what})"
        ))),
        Err(what) => Err(EXERCISE.fail(&what)),
    }
}

/// [`walks_pages_of_billions_without_overflow`]'s walk.
async fn walk_pages_of_billions<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    let page_size = 3_000_000_000;
    let list = PagedList::of(things(5, 5, 71)).total(Some("6000000000"));
    let scenario = "asked with a page size of 3000000000 for a list whose first answer says \
                    `X-Total-Count: 6000000000` (2 pages) and holds 5 items";
    let (ran, seen, _) = run_on(candidate, &client, list.clone(), page_size, 4, scenario).await?;
    let Ran::Done(result) = ran else {
        return Err(still_going(&seen, scenario));
    };
    if let Some(problem) = shape_problem(&seen, &list_path(), page_size, scenario) {
        return Err(EXERCISE.fail(&problem));
    }
    let asked: Vec<Option<i64>> = seen.iter().map(|s| s.page).collect();
    match result {
        Ok(items) if items == list.items && asked == [Some(1), Some(2)] => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "{scenario}: you asked for the pages {asked:?} and returned {}; expected pages 1 \
             and 2 and the 5 items: count pages in `u64` (a page number times a page size of \
             billions does not fit in a `u32`), never a panic",
            match other {
                Ok(items) => format!("Ok with {} items", items.len()),
                Err(err) => format!("Err({err:?})"),
            }
        ))),
    }
}

/// A first answer without a usable `X-Total-Count` is `Err(PagingError::NoTotalCount { url })`
/// naming page 1's URL, after that one request: no panic, no guessing, no endless loop.
pub async fn an_answer_without_a_usable_total_is_an_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    for (total, html) in [
        (None, false),
        (Some("many"), false),
        (Some("-6"), false),
        (Some("2.5"), false),
        (Some(""), false),
        (Some("18446744073709551616"), false),
        // The total is judged from the head, before the body is read: a body that is not a
        // list changes nothing (a server that does not page at all answers HTML).
        (None, true),
    ] {
        let header = match total {
            None => "no X-Total-Count header (but `X-Total: 8` and a `Link` to page 3 as \
                 `rel=\"last\"`, other APIs' ways to say it)"
                .to_owned(),
            Some("18446744073709551616") => {
                "`X-Total-Count: 18446744073709551616` (one more than a u64 holds)".to_owned()
            }
            Some(total) => format!("`X-Total-Count: {total}`"),
        };
        let scenario = format!(
            "asked with a page size of 3 for a list of 8 whose first answer has {header}{}",
            if html {
                " and an HTML page for a body (the total is judged from the head, before the \
                 body is read)"
            } else {
                ""
            }
        );
        let mut list = PagedList::of(things(8, 3, 53)).total(total);
        if html {
            list = list.body(1, "<html><body>All the things</body></html>");
        }
        let (ran, seen, base_url) =
            run_on(candidate, &client, list, 3, WATCHDOG, &scenario).await?;
        let Ran::Done(result) = ran else {
            return Err(still_going(&seen, &scenario));
        };
        let first_url = format!("{base_url}/{RESOURCE}?_page=1&_limit=3");
        match &result {
            Err(PagingError::NoTotalCount { url }) if same_url(url, &first_url) => {}
            Err(PagingError::NoTotalCount { url }) => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}: `NoTotalCount` should name the URL of the answer without the \
                     total ({first_url}, `response.url()`), not {url:?}"
                )));
            }
            Ok(items) => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}, and you returned `Ok` with {} items: without a total that is \
                     a whole number there is no knowing how many pages there are. Return \
                     `Err(PagingError::NoTotalCount {{ url }})`",
                    items.len()
                )));
            }
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}; expected `Err(PagingError::NoTotalCount {{ url }})` (a total \
                     is a whole number from 0 to u64::MAX), got {}",
                    describe(&result)
                )));
            }
        }
        if seen.len() != 1 {
            return Err(EXERCISE.fail(&format!(
                "{scenario}: the server received {} requests (pages {}); without a total, the \
                 first answer ends the walk: one request",
                seen.len(),
                pages_list(&seen)
            )));
        }
    }
    names_the_url_that_answered(candidate, &client).await
}

/// Page 1 redirected, and answered without a total where it was redirected to: `NoTotalCount`
/// names that answer's URL (`response.url()`), not the one asked for.
async fn names_the_url_that_answered<F>(candidate: &F, client: &Client) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let server = lesson_support::testing::fresh_server().await;
    let moved = format!("{}/moved/{RESOURCE}?_page=1&_limit=3", server.uri());
    Mock::given(wiremock::matchers::path(format!("{BASE_PATH}/{RESOURCE}")))
        .respond_with(ResponseTemplate::new(302).insert_header("location", moved.as_str()))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path(format!("/moved/{RESOURCE}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let base_url = format!("{}{BASE_PATH}", server.uri());
    let scenario = format!(
        "asked with a page size of 3, page 1 was redirected (302) to {moved}, which answered \
         with no X-Total-Count header"
    );
    let size = NonZeroU32::MIN.saturating_add(2);
    let result = tokio::time::timeout(PATIENCE, candidate(client, &base_url, RESOURCE, size))
        .await
        .map_err(|_| {
            EXERCISE.fail(&format!(
                "{scenario}, and your function had not returned after {} s",
                PATIENCE.as_secs()
            ))
        })?;
    match &result {
        Err(PagingError::NoTotalCount { url }) if same_url(url, &moved) => Ok(()),
        Err(PagingError::NoTotalCount { url }) => Err(EXERCISE.fail(&format!(
            "{scenario}: `NoTotalCount` names the URL of the answer without the total, {moved} \
             (`response.url()`, where the redirect ended), not {url:?}"
        ))),
        _ => Err(EXERCISE.fail(&format!(
            "{scenario}; expected `Err(PagingError::NoTotalCount {{ url }})`, got {}",
            describe(&result)
        ))),
    }
}

/// Whether two URLs name the same path and the same query parameters (in any order).
fn same_url(got: &str, wanted: &str) -> bool {
    let parts = |url: &str| {
        reqwest::Url::parse(url).ok().map(|url| {
            let mut pairs: Vec<(String, String)> = url
                .query_pairs()
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect();
            pairs.sort();
            (url.origin(), url.path().to_owned(), pairs)
        })
    };
    parts(got).is_some() && parts(got) == parts(wanted)
}

/// A total that needs more than `MAX_PAGES` pages is `Err(PagingError::TooManyPages { .. })`
/// after the first request, even one over `u32::MAX`, 2^32 + 4 pages (4 once cast to `u32`), and
/// `u64::MAX` itself in pages of 1.
pub async fn refuses_more_than_max_pages<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    let over = MAX_PAGES * 7 + 1;
    // 2^32 + 4 pages of 1: a page count cast to `u32` before the bound wraps to 4.
    let wraps = (1u64 << 32) + 4;
    for (total, page_size) in [
        (over, 7),
        (5_000_000_000, 7),
        (u64::MAX, 1),
        (u64::MAX, 30),
        (wraps, 1),
    ] {
        let pages = total.div_ceil(u64::from(page_size));
        let scenario = format!(
            "asked with a page size of {page_size} for a list whose first answer says \
             `X-Total-Count: {total}` ({pages} pages, more than MAX_PAGES = {MAX_PAGES})"
        );
        let list = PagedList::of(things(10, page_size, 59)).total(Some(&total.to_string()));
        let (ran, seen, base_url) =
            run_on(candidate, &client, list, page_size, WATCHDOG, &scenario).await?;
        let Ran::Done(result) = ran else {
            return Err(EXERCISE.fail(&format!(
                "{scenario}; expected `Err(PagingError::TooManyPages {{ url, total, pages }})` \
                 after the first request, and your function had sent {} requests (pages {}) \
                 and was still going when the check stopped it. Compare the page count with \
                 `crate::MAX_PAGES` before asking for page 2",
                seen.len(),
                pages_list(&seen)
            )));
        };
        let first_url = format!("{base_url}/{RESOURCE}?_page=1&_limit={page_size}");
        match &result {
            Err(PagingError::TooManyPages {
                url,
                total: said,
                pages: counted,
            }) if same_url(url, &first_url) && *said == total && *counted == pages => {}
            Err(PagingError::TooManyPages {
                url,
                total: said,
                pages: counted,
            }) => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}; expected `TooManyPages {{ url: {first_url:?}, total: {total}, \
                     pages: {pages} }}` (the answer's URL, the total it said, the pages that \
                     needs), got `TooManyPages {{ url: {url:?}, total: {said}, pages: \
                     {counted} }}`"
                )));
            }
            Err(PagingError::NoTotalCount { .. }) => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}, and you returned `NoTotalCount`: {total} is a whole number \
                     (parse the header as a `u64`, which holds up to 18446744073709551615), \
                     only too large to fetch: `TooManyPages`"
                )));
            }
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}; expected `Err(PagingError::TooManyPages {{ url, total, pages \
                     }})` before a second request, got {} after {} requests (pages {}). Compare \
                     the page count with `crate::MAX_PAGES`",
                    describe(&result),
                    seen.len(),
                    pages_list(&seen)
                )));
            }
        }
        if seen.len() != 1 {
            return Err(EXERCISE.fail(&format!(
                "{scenario}: you returned `TooManyPages`, after {} requests (pages {}); the \
                 first answer is enough to know: one request",
                seen.len(),
                pages_list(&seen)
            )));
        }
    }
    Ok(())
}

/// Seeded random lists (totals, page sizes, repeats, a failing page, later headers that differ
/// or are missing, short pages), each walked by your function and by the reference: the same
/// result and the same pages asked.
pub async fn agrees_with_the_reference_on_seeded_lists<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    for seed in [2, 7, 13, 17, 18, 26, 27, 28, 51] {
        let mut rng = SeededRng::new(seed);
        let page_size = rng.between(1, 9) as u32;
        let count = rng.between(0, 41) as usize;
        let pages = (count as u64).div_ceil(u64::from(page_size));
        let mut list = PagedList::of(things(count, page_size, seed));
        let mut scenario = format!(
            "seed {seed}: a page size of {page_size}, a first answer saying `X-Total-Count: \
             {count}` ({pages} {})",
            if pages == 1 { "page" } else { "pages" }
        );
        if rng.chance(0.2) {
            let total = rng.pick(&["", "n/a", "-1", "1.5", "0x10"]);
            list = list.total(Some(total));
            scenario = format!(
                "seed {seed}: a page size of {page_size}, a first answer saying \
                 `X-Total-Count: {total}` for a list of {count}"
            );
        }
        if pages > 1 && rng.chance(0.5) {
            let page = rng.between(1, pages) as i64;
            let status = rng.pick(&[400, 403, 404, 410, 429, 500, 502, 503]);
            list = list.status(page, status);
            scenario.push_str(&format!(", page {page} answering {status}"));
        }
        if pages > 2 && rng.chance(0.5) {
            let page = rng.between(2, pages - 1) as i64;
            let keep = rng.between(0, u64::from(page_size) - 1) as usize;
            list = list.short(page, keep);
            scenario.push_str(&match keep {
                0 => format!(", page {page} holding no items"),
                1 => format!(", page {page} holding a single item"),
                _ => format!(", page {page} holding only {keep} items"),
            });
        }
        if pages > 1 && rng.chance(0.5) {
            let later = if rng.chance(0.5) {
                Later::Missing
            } else {
                Later::Says(rng.between(0, 60).to_string())
            };
            scenario.push_str(&match &later {
                Later::Says(total) => format!(", later pages saying {total}"),
                _ => ", later pages without the header".to_owned(),
            });
            list = list.later(later);
        }
        // Drawn last, so that the draws above stay what they were for each seed.
        if count > 0 && rng.chance(0.4) {
            let page = rng.between(1, pages.max(1)) as i64;
            let extra: Vec<Value> = (0..rng.between(1, 3))
                .map(|n| {
                    if rng.chance(0.5) {
                        list.items[rng.between(0, count as u64 - 1) as usize].clone()
                    } else {
                        json!({"id": 500 + n, "name": format!("thing {}", 500 + n)})
                    }
                })
                .collect();
            scenario.push_str(&format!(
                ", page {page} holding {} item(s) more than `_limit` asks for",
                extra.len()
            ));
            list = list.extra(page, extra);
        }
        if pages > 0 && rng.chance(0.25) {
            let page = rng.between(1, pages) as i64;
            list = list.body(page, "<html><body>Try again later</body></html>");
            scenario.push_str(&format!(", page {page} answering 200 with an HTML page"));
        }

        let (ran, seen, _) = run_on(
            candidate,
            &client,
            list.clone(),
            page_size,
            WATCHDOG,
            &scenario,
        )
        .await?;
        let Ran::Done(result) = ran else {
            return Err(still_going(&seen, &scenario));
        };
        let (reference_ran, reference_seen, _) = run_on(
            &reference::fetch_all_pages,
            &client,
            list.clone(),
            page_size,
            WATCHDOG,
            &scenario,
        )
        .await
        .map_err(|err| format!("the reference solution failed: {err}"))?;
        let Ran::Done(expected) = reference_ran else {
            return Err(format!("{scenario}: the reference solution did not finish"));
        };

        // What each request asked for, whatever the order of its parameters.
        let asked = |seen: &[Seen]| -> Vec<(String, String, Option<i64>, Option<i64>)> {
            seen.iter()
                .map(|s| (s.method.clone(), s.path.clone(), s.page, s.limit))
                .collect()
        };
        let last = reference_seen.len() as u64;
        if asked(&seen) != asked(&reference_seen) {
            let problem = shape_problem(&seen, &list_path(), page_size, &scenario)
                .or_else(|| {
                    // An error the contract's walk did not meet ended this one early: the error
                    // is the news.
                    let early = result.is_err()
                        && seen.len() < reference_seen.len()
                        && stopped_by_an_error(&result, &seen, &list_path(), page_size).is_some();
                    early
                        .then(|| result_problem(&result, &expected, &list, last, &scenario))
                        .flatten()
                })
                .or_else(|| list_rule_problem(&seen, &list, page_size, last, &scenario))
                .or_else(|| match expected {
                    // The contract's walk ended at a failure the walk under check did not reach.
                    Err(_) => {
                        list.failure(i64::try_from(last).unwrap_or(i64::MAX))
                            .map(|failure| {
                                format!(
                                    "{scenario}: {failure}, and the server saw pages {}: every \
                                 page up to the first error is asked for, one after another, \
                                 and the walk stops there",
                                    pages_list(&seen)
                                )
                            })
                    }
                    Ok(_) => None,
                })
                .or_else(|| sequence_problem(&seen, last, &scenario))
                .unwrap_or_else(|| {
                    format!(
                        "{scenario}: the server saw pages {}, and the contract asks for pages {}: \
                         each page from 1, once, in order, up to the number of pages the first \
                         answer's total needs or the first error, whichever comes first",
                        pages_list(&seen),
                        pages_list(&reference_seen)
                    )
                });
            return Err(EXERCISE.fail(&problem));
        }
        if let Some(problem) = result_problem(&result, &expected, &list, last, &scenario) {
            return Err(EXERCISE.fail(&problem));
        }
    }
    Ok(())
}

/// Exactly `MAX_PAGES` pages is allowed: 6997 items in pages of 7 is 1000 pages, the last of 4,
/// all fetched.
pub async fn fetches_exactly_max_pages<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let client = checks_client();
    let page_size = 7;
    let count = MAX_PAGES * 7 - 3;
    let scenario = format!(
        "asked with a page size of {page_size} for a list whose first answer says \
         `X-Total-Count: {count}` ({MAX_PAGES} pages, the last of 4: exactly MAX_PAGES)"
    );
    let items: Vec<Value> = (1..=count).map(|id| json!({"id": id})).collect();
    let list = PagedList::of(items.clone());
    let (ran, seen, _) = run_on(
        candidate,
        &client,
        list,
        page_size,
        MAX_PAGES as usize + WATCHDOG,
        &scenario,
    )
    .await?;
    let Ran::Done(result) = ran else {
        return Err(still_going(&seen, &scenario));
    };
    match result {
        Err(PagingError::TooManyPages { .. }) => Err(EXERCISE.fail(&format!(
            "{scenario}, and you returned `TooManyPages`: the limit is more than MAX_PAGES \
             pages; exactly MAX_PAGES is allowed (`pages > MAX_PAGES`)"
        ))),
        Err(err) => Err(EXERCISE.fail(&format!(
            "{scenario}; expected `Ok` with the {count} items, got {err} ({err:?})"
        ))),
        Ok(got) => {
            let asked: Vec<i64> = seen.iter().filter_map(|seen| seen.page).collect();
            let last = i64::try_from(MAX_PAGES).unwrap_or(0);
            if asked != (1..=last).collect::<Vec<_>>() {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}: expected pages 1 to {MAX_PAGES}, each once, in order; the server \
                     received {} requests",
                    seen.len()
                )));
            }
            if got != items {
                return Err(EXERCISE.fail(&format!(
                    "{scenario}: expected the {count} items in order, you returned {}",
                    got.len()
                )));
            }
            Ok(())
        }
    }
}

/// A base URL that is no URL (its scheme left out, `lesson_support::testing::NotAUrl`) is an
/// `Err`, the one `send()` gives: no panic on the way to building the URL.
pub async fn a_base_url_that_is_no_url_is_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &str, NonZeroU32) -> Result<Vec<Value>, PagingError>,
{
    let not_a_url = lesson_support::testing::NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = checks_client();
    let result = EXERCISE
        .run(candidate(&client, no_url, RESOURCE, size(3)))
        .await?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    if result.is_err() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked for {RESOURCE} with the base URL {no_url:?}, which is no URL (no scheme), \
         the function returned {}: a base URL that is no URL makes the first request fail, \
         and that is the result",
        describe(&result)
    )))
}
