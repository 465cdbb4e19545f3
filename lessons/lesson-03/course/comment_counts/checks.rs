//! The checks of exercise 3 (`comment_counts`, a warm-up), run against your file, the reference
//! solution, the course's typical wrong answers and its correct variants.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | no request and no pair for an empty `ids` | `asks_for_nothing_when_given_no_ids` | `ids = []` |
//! | one GET `{base_url}/posts/{id}/comments` per entry, base path kept, repeats asked again, through `client` | `pairs_each_id_with_its_count_in_order` and every check after it (helper `one_get_per_entry`) | base URLs ending in `/api` and `/v2`, ids `[9, 2, 14, 2, 5]`, and `[5, 2, 4294967298]` in the last check (2^32 + 2: an id cast to `u32` asks for post 2), tagged client: `Url::join`, `/comments?postId=`, dedup through a set, `Client::new()` |
//! | one pair per entry, in the order of `ids`, the count of the list sent | `pairs_each_id_with_its_count_in_order` | counts 3, 0, 7, 1 (not JSONPlaceholder's five; 2 of post 14's seven name post 15: filtering on `postId` fails; 2 of post 9's three share an id: counting distinct ids fails; post 9's comment ids are past `u32::MAX`: a comment type of one's own with `u32` ids fails; every answer says `X-Total-Count: 5`: trusting it fails), answers arriving in another order than `ids` (300, 0, 150, 50 ms): a constant 5, completion order, sorted ids, pairs zipped with sorted or deduplicated ids |
//! | … the count of the list sent, whatever its comments hold, no page followed | `pairs_each_id_with_its_count_in_order` | post 5's one comment with an empty `body` (skipping blank comments fails), post 14's answer with a `Link` header to a next page (following it fails, its request seen on the server) |
//! | an error status is that entry's `Err`, carrying it; a body that is not a list is an `Err` | `reports_each_failure_in_its_own_place` | a 404 whose body is `[]` and a 500 whose body is a list of two comments (ignoring the status counts them), a 200 with `{"error": …}` and a 200 with `[1, 2, 3]` (a list, not of comments: decoding `Vec<Value>` fails), `null` (decoding an `Option` fails) and a list of two posts (items read by their `id` alone fail), one comment not in a list (wrapping a lone object in a list fails), a 204 with no body (an empty answer counted as 0 fails), a 503 with HTML (decoding before the status loses it), a list inside an object (`{"comments": [...]}`: unwrapping it fails), post 0 with two comments (an id 0 answered without a request fails), comments without their `email` (an `Option` fails), comments with a field more (`deny_unknown_fields` fails), comments compressed for a request that asks for gzip (an `Accept-Encoding` of one's own fails: the client reads none), comments whose `postId` and `id` are strings of digits (ids read leniently from strings fail); then an address where nothing listens (`expect` on `send()` panics) |
//! | … a 429 too, with its `Retry-After`: an answer, not a retry | `reports_each_failure_in_its_own_place` | post 47 answering 429 with `Retry-After: 1` and a list: waiting and asking again fails (two requests for one entry) |
//! | one failure never costs the others, no panic | `reports_each_failure_in_its_own_place` | 3 of 5 entries fail: `unwrap`, `try_join_all`, dropping failures; a 304 Not Modified with no body among 18 entries (reqwest hands it back: an `unreachable!()` for 3xx panics, and the answer is an `Err`, no list) |
//! | one failure never costs the others, a timeout included | `one_slow_answer_costs_no_other` (last) | ids [2, 4294967298, 5], post 5's head held back past the client's 1.5 s timeout, the others answered at once (one comment each): `[(2, Ok(1)), (4294967298, Ok(1)), (5, Err(timeout))]` (5 last: the others' time is up when 5's is, however far apart a busy machine sends them); `join_all` over the `send()`s, then the bodies, reads the others' after their time is up |
//! | all in flight together | `has_every_request_in_flight_together` | 101 ids, unsorted, one repeated, 600 ms each, peak in flight read on the server: `.await` in a loop, spawn-and-await-each, `buffer_unordered(10)`, `buffered(32)` or any cap up to 100 |
//! | every call asks the server, nothing remembered between calls | `asks_again_on_every_call` (last) | ids [4, 9], then [9, 4] with post 4's list grown by one comment in between: a process-wide cache keyed by URL answers the second call with the old count and no request |
//! | a base URL that is no URL is each entry's `Err`, no panic | `a_base_url_that_is_no_url_is_an_err_per_entry` | `127.0.0.1:{port}`, its scheme left out, a server listening there, ids [3, 8]: `Url::parse(base_url).expect(..)` panics; `http://` put in front reaches the server |
//! | a failed connection is that entry's `Err`; no retry | `a_hang_up_is_an_err_and_asked_once` | a server that reads the requests for posts 6 and 2 and hangs up without answering, ids `[6, 4, 2, 6]`: a GET sent again on a dropped connection (as aiohttp users do after `ServerDisconnectedError`) fails, so do a panic and losing post 4's count |

use std::collections::BTreeMap;
use std::time::Duration;

use lesson_support::testing::count_of_times;
use lesson_support::testing::{Exercise, NotAUrl, Verdict, gzip_stored, tagged_client};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use reqwest::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::warm_ups::{
    IN_FLIGHT_ROUNDS, arrivals_of, latency_of_round, list, requests_of, run_until_proven,
    sent_again, worth_another_round,
};

pub const EXERCISE: Exercise = Exercise {
    number: 3,
    file: "lessons/lesson-03/src/exercises/comment_counts.rs",
};

lesson_support::exercise_checks! {
    erased: Erased;
    candidate: AsyncFn(&Client, &str, &[u64]) -> Vec<(u64, Result<usize, reqwest::Error>)>;
    asks_for_nothing_when_given_no_ids,
    pairs_each_id_with_its_count_in_order,
    reports_each_failure_in_its_own_place,
    has_every_request_in_flight_together,
    a_hang_up_is_an_err_and_asked_once,
    one_slow_answer_costs_no_other,
    a_base_url_that_is_no_url_is_an_err_per_entry,
    // Last: only answers right about everything above reach it.
    asks_again_on_every_call,
}

/// Every answer behind one type, so that `all` compiles the checks once.
type Erased = crate::warm_ups::ErasedBatch<Vec<(u64, Result<usize, reqwest::Error>)>>;

/// What the function returns.
type Pairs = Vec<(u64, Result<usize, reqwest::Error>)>;

/// One pair as a message shows it: `(9, Ok(3))`, `(77, Err(status 404))`, `(12, Err(…))`.
fn describe(pair: &(u64, Result<usize, reqwest::Error>)) -> String {
    let (id, result) = pair;
    match result {
        Ok(n) => format!("({id}, Ok({n}))"),
        Err(err) => match err.status() {
            Some(status) => format!("({id}, Err(status {}))", status.as_u16()),
            None => format!("({id}, Err(no status))"),
        },
    }
}

/// All pairs as a message shows them.
fn describe_all(pairs: &Pairs) -> String {
    let pairs: Vec<String> = pairs.iter().map(describe).collect();
    format!("[{}]", pairs.join(", "))
}

/// `n` comments of post `post_id`, as the server sends them.
fn comments(post_id: u64, n: u64) -> serde_json::Value {
    let list: Vec<serde_json::Value> = (1..=n)
        .map(|i| {
            serde_json::json!({
                "postId": post_id,
                "id": post_id * 10 + i,
                "name": format!("comment {i} on post {post_id}"),
                "email": "reader@example.com",
                "body": "…",
            })
        })
        .collect();
    serde_json::Value::Array(list)
}

/// The rule "one GET `{base_url}/posts/{id}/comments` per entry of `ids`, through `client`",
/// read from what the server received: (method, path, tagged) per request.
fn one_get_per_entry(requests: &[(String, String, bool)], base_path: &str, ids: &[u64]) -> Verdict {
    if requests.is_empty() && !ids.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, the server at `base_url` received no request: build each URL \
             from `base_url` (format!(\"{{base_url}}/posts/{{id}}/comments\"))",
            list(ids)
        )));
    }
    if let Some((verb, p, _)) = requests.iter().find(|(m, _, _)| m != "GET") {
        return Err(EXERCISE.fail(&format!(
            "the server received {verb} {p}; reading comments is a GET"
        )));
    }
    if requests.iter().any(|(_, _, tagged)| !tagged) {
        return Err(EXERCISE.fail(
            "a request did not come from the `client` given to the function (a `Client::new()` \
             or `reqwest::get` of your own?): send every request through `client`, whose \
             settings the caller chose",
        ));
    }
    let mut wanted: BTreeMap<String, usize> = BTreeMap::new();
    for id in ids {
        *wanted
            .entry(format!("{base_path}/posts/{id}/comments"))
            .or_default() += 1;
    }
    let mut got: BTreeMap<String, usize> = BTreeMap::new();
    for (_, p, _) in requests {
        *got.entry(p.clone()).or_default() += 1;
    }
    for (p, &n) in &got {
        let listed = wanted.get(p).copied().unwrap_or(0);
        if listed == 0 {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {} with a base URL ending in {base_path:?}, the server received \
                 GET {p}: each request is GET {{base_url}}/posts/{{id}}/comments, the whole of \
                 `base_url` kept and `/posts/{{id}}/comments` appended to it",
                list(ids)
            )));
        }
        if n > listed {
            return Err(EXERCISE.fail(&format!(
                "the server received GET {p} {}, but ids {} lists that id {}: one request per \
                 entry, no retries",
                count_of_times(n),
                list(ids),
                count_of_times(listed)
            )));
        }
    }
    for (p, &listed) in &wanted {
        let n = got.get(p).copied().unwrap_or(0);
        if n < listed {
            return Err(EXERCISE.fail(&format!(
                "ids {} lists this post {}, the server received GET {p} {}: one request per \
                 entry of `ids`, an id listed twice asked twice",
                list(ids),
                count_of_times(listed),
                count_of_times(n)
            )));
        }
    }
    Ok(())
}

/// A server whose `{base_path}/posts/{id}/comments` answers with `template` after `delay`.
async fn mount(server: &MockServer, base_path: &str, id: u64, template: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(format!("{base_path}/posts/{id}/comments")))
        .respond_with(template)
        .mount(server)
        .await;
}

/// No ids, no request, no pair, no panic.
pub async fn asks_for_nothing_when_given_no_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let pairs = EXERCISE
        .run_with_nothing_to_do("asked about no ids", candidate(&client, &api.uri(), &[]))
        .await?;
    let arrivals = api.arrivals();
    if let Some(first) = arrivals.first() {
        return Err(EXERCISE.fail(&format!(
            "asked about no ids, yet the server received {} {}: with an empty `ids` there is \
             nothing to ask",
            first.method, first.path
        )));
    }
    if !pairs.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about no ids, got {}: one pair per entry of `ids`, so none",
            describe_all(&pairs)
        )));
    }
    Ok(())
}

/// Where post 14's answer in [`pairs_each_id_with_its_count_in_order`] says its next page is.
const NEXT_PAGE: &str = "/api/posts/14/comments/page/2";

/// Each id paired with the count of the list its request got, in the order of `ids`, though the
/// answers arrive in another order.
pub async fn pairs_each_id_with_its_count_in_order<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let server = lesson_support::testing::fresh_server().await;
    // (id, comments, delay): counts that are not JSONPlaceholder's five, and delays that make
    // the answers arrive in the order 2, 5, 14, 9.
    let posts = [(9, 3, 300), (2, 0, 0), (14, 7, 150), (5, 1, 50)];
    for (id, n, delay) in posts {
        let mut list = comments(id, n);
        // Post 14's list holds two comments that name another post, and post 9's two that
        // share an id: the server sent them in these lists, so they count. Post 9's comment
        // ids are past `u32::MAX`, as a big site's are: a comment id is a `u64`.
        if id == 9 {
            for (i, comment) in list.as_array_mut().into_iter().flatten().enumerate() {
                comment["id"] = serde_json::json!(5_000_000_000_u64 + i as u64);
            }
            list[1]["id"] = list[0]["id"].clone();
        }
        if id == 14 {
            for comment in list.as_array_mut().into_iter().flatten().take(2) {
                comment["postId"] = serde_json::json!(15);
            }
        }
        // Post 5's one comment has an empty body: a comment all the same.
        if id == 5 {
            list[0]["body"] = serde_json::json!("");
        }
        // A count in a header, as json-server sends for pages: the list is what counts.
        let mut answer = ResponseTemplate::new(200)
            .insert_header("x-total-count", "5")
            .set_body_json(list)
            .set_delay(Duration::from_millis(delay));
        // And a link to a next page, as paginated APIs send: not followed, the list is the count.
        if id == 14 {
            let next = format!("<{}{NEXT_PAGE}>; rel=\"next\"", server.uri());
            answer = answer.insert_header("link", next.as_str());
        }
        mount(&server, "/api", id, answer).await;
    }
    Mock::given(method("GET"))
        .and(path(NEXT_PAGE))
        .respond_with(ResponseTemplate::new(200).set_body_json(comments(14, 3)))
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let ids = [9, 2, 14, 2, 5];

    let pairs = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;

    let requests = requests_of(&server).await;
    if requests.iter().any(|(_, p, _)| p == NEXT_PAGE) {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, post 14's answer carried a `Link` header to a next page \
             (`{NEXT_PAGE}`), and the server received a request for it: \
             count the list each entry's one request received; one request per entry, no \
             page followed",
            list(&ids)
        )));
    }
    one_get_per_entry(&requests, "/api", &ids)?;
    let expected = [(9, 3), (2, 0), (14, 7), (2, 0), (5, 1)];
    let right = pairs.len() == expected.len()
        && pairs
            .iter()
            .zip(expected)
            .all(|((id, result), (want_id, want_n))| {
                *id == want_id && matches!(result, Ok(n) if *n == want_n)
            });
    if right {
        return Ok(());
    }
    let mut rule = "one pair per entry of `ids`, in the order of `ids`, each id with the number \
                    of comments in the list its own request received"
        .to_owned();
    let ids_got: Vec<u64> = pairs.iter().map(|(id, _)| *id).collect();
    if ids_got == [2, 5, 14, 9] || ids_got == [2, 2, 5, 14, 9] {
        rule = format!("the pairs came in the order the answers arrived; {rule}");
    } else if pairs.iter().all(|(_, r)| matches!(r, Ok(5))) {
        rule = format!("every count was 5: count the list the server sent; {rule}");
    } else if pairs
        .first()
        .is_some_and(|(id, r)| *id == 9 && matches!(r, Ok(2)))
    {
        rule = format!(
            "post 9's list holds 3 comments, 2 of them with the same `id`: count every comment \
             in the list the server sent, as it sent it; {rule}"
        );
    } else if pairs
        .get(4)
        .is_some_and(|(id, r)| *id == 5 && matches!(r, Ok(0)))
    {
        rule = format!(
            "post 5's list holds one comment, whose `body` is empty: a comment all the same, \
             so count every comment in the list the server sent, as it sent it; {rule}"
        );
    } else if pairs
        .get(2)
        .is_some_and(|(id, r)| *id == 14 && matches!(r, Ok(5)))
    {
        rule = format!(
            "post 14's list holds 7 comments, 2 of them naming post 15: count every comment \
             in the list the server sent, as it sent it; {rule}"
        );
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {}, whose posts have 3, 0, 7, 0 and 1 comments (the answers arriving in \
         the order 2, 5, 14, 9; post 9's comment ids past `u32::MAX`), got {}; expected [(9, Ok(3)), (2, Ok(0)), (14, Ok(7)), (2, \
         Ok(0)), (5, Ok(1))]: {rule}",
        list(&ids),
        describe_all(&pairs)
    )))
}

/// A failed request is that entry's `Err`, in its place; the others are counted all the same.
pub async fn reports_each_failure_in_its_own_place<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let server = lesson_support::testing::fresh_server().await;
    let ok = |id, n| ResponseTemplate::new(200).set_body_json(comments(id, n));
    mount(&server, "/v2", 21, ok(21, 2)).await;
    // A 404 whose body is an empty list, and a 500 whose body is a list: only the status says
    // they failed.
    mount(
        &server,
        "/v2",
        77,
        ResponseTemplate::new(404).set_body_json(serde_json::json!([])),
    )
    .await;
    mount(
        &server,
        "/v2",
        31,
        ResponseTemplate::new(500).set_body_json(comments(31, 2)),
    )
    .await;
    let not_a_list = serde_json::json!({"error": "comments are closed"});
    mount(
        &server,
        "/v2",
        12,
        ResponseTemplate::new(200).set_body_json(not_a_list),
    )
    .await;
    mount(&server, "/v2", 8, ok(8, 4)).await;
    // No content at all, and an error status whose body is not a list.
    mount(&server, "/v2", 20, ResponseTemplate::new(204)).await;
    let busy = ResponseTemplate::new(503).set_body_string("<html>busy</html>");
    mount(&server, "/v2", 93, busy).await;
    // One comment on its own, not in a list.
    let one = comments(66, 1)[0].clone();
    mount(
        &server,
        "/v2",
        66,
        ResponseTemplate::new(200).set_body_json(one),
    )
    .await;
    // A list, but not of comments.
    let numbers = ResponseTemplate::new(200).set_body_json(serde_json::json!([1, 2, 3]));
    mount(&server, "/v2", 40, numbers).await;
    // `null`, and a list of posts (objects with an `id`, but not comments).
    mount(
        &server,
        "/v2",
        60,
        ResponseTemplate::new(200).set_body_string("null"),
    )
    .await;
    let posts = serde_json::json!([
        {"userId": 1, "id": 55, "title": "t", "body": "b"},
        {"userId": 1, "id": 56, "title": "t", "body": "b"},
    ]);
    mount(
        &server,
        "/v2",
        55,
        ResponseTemplate::new(200).set_body_json(posts),
    )
    .await;
    // Too many requests, come back in a second: an answer like any other, not a retry.
    let slow_down = ResponseTemplate::new(429)
        .insert_header("retry-after", "1")
        .set_body_json(comments(47, 2));
    mount(&server, "/v2", 47, slow_down).await;
    // A list wrapped in an object, as some APIs send: still not a list.
    let wrapped = serde_json::json!({ "comments": comments(18, 2) });
    mount(
        &server,
        "/v2",
        18,
        ResponseTemplate::new(200).set_body_json(wrapped),
    )
    .await;
    // Post 0 exists on this server: an id like any other, asked like any other.
    mount(&server, "/v2", 0, ok(0, 2)).await;
    // Not Modified, which reqwest hands back as it is (it follows only redirects with a
    // `Location`): not an error status, and no body, so no list of comments.
    mount(&server, "/v2", 30, ResponseTemplate::new(304)).await;
    // Comments without their `email`: not comments (every field of `Comment` is required).
    let mut no_email = comments(71, 2);
    for comment in no_email.as_array_mut().into_iter().flatten() {
        comment.as_object_mut().map(|fields| fields.remove("email"));
    }
    mount(
        &server,
        "/v2",
        71,
        ResponseTemplate::new(200).set_body_json(no_email),
    )
    .await;
    // Comments with a field more: comments all the same (serde ignores what it does not know).
    let mut more = comments(72, 2);
    for comment in more.as_array_mut().into_iter().flatten() {
        comment["likes"] = serde_json::json!(3);
    }
    mount(
        &server,
        "/v2",
        72,
        ResponseTemplate::new(200).set_body_json(more),
    )
    .await;
    // Compressed for whoever asks for it, as JSONPlaceholder does: the course's client reads
    // no gzip, and asks for none.
    let three = serde_json::to_vec(&comments(73, 3)).unwrap_or_default();
    Mock::given(method("GET"))
        .and(path("/v2/posts/73/comments"))
        .and(lesson_support::testing::AsksForCompression)
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(gzip_stored(&three), "application/json"),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    mount(
        &server,
        "/v2",
        73,
        ResponseTemplate::new(200).set_body_raw(three, "application/json"),
    )
    .await;
    // Comments whose `postId` and `id` are strings of digits: not comments (their ids are
    // numbers, as the API sends them).
    let mut quoted = comments(74, 2);
    for comment in quoted.as_array_mut().into_iter().flatten() {
        for field in ["postId", "id"] {
            comment[field] = serde_json::json!(comment[field].to_string());
        }
    }
    mount(
        &server,
        "/v2",
        74,
        ResponseTemplate::new(200).set_body_json(quoted),
    )
    .await;
    let base_url = format!("{}/v2", server.uri());
    let client = tagged_client(&base_url);
    let ids = [
        21, 77, 31, 12, 8, 66, 20, 93, 47, 40, 0, 30, 60, 55, 18, 71, 72, 73, 74,
    ];

    let pairs = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;

    one_get_per_entry(&requests_of(&server).await, "/v2", &ids)?;
    let expected = "[(21, Ok(2)), (77, Err(status 404)), (31, Err(status 500)), (12, Err(no \
                    status)), (8, Ok(4)), (66, Err(no status)), (20, Err(no status)), (93, Err(status \
                    503)), (47, Err(status 429)), (40, Err(no status)), (0, Ok(2)), (30, Err(no \
                    status)), (60, Err(no status)), (55, Err(no status)), (18, Err(no status)), (71, Err(no status)), \
                    (72, Ok(2)), (73, Ok(3)), (74, Err(no status))]";
    let got = describe_all(&pairs);
    if got == expected {
        return no_answer_at_all_is_an_err_too(candidate).await;
    }
    // The entries of the last three posts, each with a rule of its own.
    let of = |id: u64| pairs.iter().find(|(entry, _)| *entry == id).map(|(_, r)| r);
    let special = if of(71).is_some_and(Result::is_ok) {
        Some(
            "post 71's list holds objects without an `email`: not comments, since every field \
             of `Comment` is required (no `Option` to let them through)",
        )
    } else if of(72).is_some_and(Result::is_err) {
        Some(
            "post 72's comments carry a field more than `Comment` has: comments all the same \
             (serde ignores fields it does not know, unless told to deny them)",
        )
    } else if of(73).is_some_and(Result::is_err) {
        Some(
            "post 73's comments came compressed, because the request asked for gzip: ask for \
             no encoding the client cannot read (the course's client reads none, and sends the \
             `Accept-Encoding` it can)",
        )
    } else if of(74).is_some_and(Result::is_ok) {
        Some(
            "post 74's comments carry their `postId` and `id` as strings of digits: not \
             comments, since a comment's ids are numbers (read no number from a string)",
        )
    } else {
        None
    };
    let rule = match pairs.get(1) {
        _ if pairs.len() == ids.len() && special.is_some() => special.unwrap_or_default(),
        Some((77, Ok(_))) => {
            "the server answered 404 for post 77 (with `[]` as its body): an error status is \
             that entry's `Err`, whatever the body holds (`error_for_status`)"
        }
        Some((77, Err(err))) if err.status().is_none() => {
            "the server answered 404 for post 77: that entry's `Err` carries the status \
             (`error_for_status` before decoding)"
        }
        _ if pairs.len() != ids.len() => "one pair per entry, failed or not, in the order of `ids`",
        _ => {
            "each entry gets its own result: an error status is an `Err` carrying it, a 200 \
             whose body is not a list of comments (decode a `Vec<Comment>`) is an `Err`, and \
             the other posts are counted all the same"
        }
    };
    Err(EXERCISE.fail(&format!(
        "asked about ids {} (post 77 answering 404, 31 answering 500 with a list as its body, \
         12 answering 200 with an object, not a list, 66 answering 200 with one comment, not \
         in a list, 20 answering 204 with no body, 93 answering 503 with HTML, 47 answering \
         429 with `Retry-After: 1` and a list, 40 answering 200 with [1, 2, 3], a list \
         of numbers, not of comments, 0 answering 200 with two comments, 30 answering 304 \
         Not Modified with no body, 60 answering 200 with \
         `null`, 55 answering 200 with a list of two posts, 18 answering 200 with `{{\"comments\": \
         [...]}}`, a list inside an object, 71 with two comments without their `email`, 72 with \
         two comments with a field more, 73 with three comments, compressed if the request asks \
         for gzip, 74 with two comments whose ids are strings), got {got}; expected {expected}: \
         {rule}",
        list(&ids)
    )))
}

/// Where nothing listens, each entry is an `Err`, without a status and without a panic.
async fn no_answer_at_all_is_an_err_too<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let base_url = lesson_support::testing::unused_local_url();
    let client = tagged_client(&base_url);
    let pairs = EXERCISE.run(candidate(&client, &base_url, &[3, 1])).await?;
    let got = describe_all(&pairs);
    let expected = "[(3, Err(no status)), (1, Err(no status))]";
    if got == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [3, 1] at an address where nothing listens (no connection can be \
         made), got {got}; expected {expected}: a failed connection is that entry's `Err`, \
         and never a panic"
    )))
}

/// Every request is on its way before the first answer is back: the server sees them all in
/// flight at once.
pub async fn has_every_request_in_flight_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    // 101 entries (more than any cap of 32, 50, 64 or 100 one might pick), unsorted: every post
    // of the mock once, in a scrambled order, and the first one again at the end.
    let ids: Vec<u64> = (0..101).map(|i| (i * 37 + 11) % 100 + 1).collect();
    // On a busy machine, up to three rounds, the latency doubled each time (see
    // `warm_ups::IN_FLIGHT_ROUNDS`).
    let mut best_peak = 0;
    for round in 1..=IN_FLIGHT_ROUNDS {
        let latency = latency_of_round(Duration::from_millis(600), round);
        let api = MockApi::builder()
            .base_path("/v2")
            .latency(Latency::Fixed(latency))
            .start()
            .await;
        let client = tagged_client(&api.uri());

        let base_url = api.uri();
        let call = EXERCISE.run(candidate(&client, &base_url, &ids));
        // Together they take one latency; give up long before one after another would finish.
        let give_up = latency * 3 + Duration::from_millis(300);
        let (pairs, stopped) = match run_until_proven(&api, ids.len(), latency, give_up, call).await
        {
            Some(pairs) => {
                let pairs = pairs?;
                one_get_per_entry(&arrivals_of(&api), "/v2", &ids)?;
                (pairs, String::new())
            }
            None => {
                let arrivals = api.arrivals();
                let first = arrivals.iter().map(|a| a.at).min();
                let there = first.map_or(0, |first| {
                    arrivals.iter().filter(|a| a.at < first + latency).count()
                });
                let stopped = format!(
                    " (the check stopped the call once the first answer had left the server \
                     with only {there} of the {} requests there)",
                    ids.len()
                );
                (Vec::new(), stopped)
            }
        };
        let peak = api.peak_in_flight();
        if peak < ids.len() {
            if worth_another_round(peak, ids.len(), round, &mut best_peak) {
                continue;
            }
            return Err(EXERCISE.fail(&format!(
                "asked about {} ids against a server that answers after {} ms, the server saw \
                 at most {peak} of them in flight at once{stopped}: build every future first, \
                 then run them all together with `join_all` (an `.await` per id in a loop runs \
                 them one after another, and a cap of your own, `buffered(n)`, holds the rest \
                 back)",
                ids.len(),
                latency.as_millis()
            )));
        }
        if pairs.iter().map(|(id, _)| *id).ne(ids.iter().copied())
            || pairs.iter().any(|(_, r)| !matches!(r, Ok(5)))
        {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {} (five comments each), got {}: one pair per entry, in the \
                 order of `ids`",
                list(&ids),
                describe_all(&pairs)
            )));
        }
        break;
    }
    Ok(())
}

/// A server that reads a request and hangs up without answering: that entry is an `Err`, its
/// request sent once (no retry, not even of a GET on a connection that was dropped), and the
/// other entries are counted all the same.
pub async fn a_hang_up_is_an_err_and_asked_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let api = MockApi::builder()
        .base_path("/api")
        .fault(Fault {
            select: FaultSelect::Ids(vec![6, 2]),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [6, 4, 2, 6];

    let pairs = EXERCISE.run(candidate(&client, &api.uri(), &ids)).await?;

    let requests = arrivals_of(&api);
    let path_of = |id| format!("/api/posts/{id}/comments");
    if let Some((line, sent, listed)) = sent_again(&requests, &ids, path_of) {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, the server read each request for posts 6 and 2 and hung up \
             without answering, and received GET {line} {}, for an id listed {}: a dropped \
             connection is that entry's `Err`, as it came; one request per entry, never sent \
             again (no retry)",
            list(&ids),
            count_of_times(sent),
            count_of_times(listed)
        )));
    }
    one_get_per_entry(&requests, "/api", &ids)?;
    let got = describe_all(&pairs);
    let expected = "[(6, Err(no status)), (4, Ok(5)), (2, Err(no status)), (6, Err(no status))]";
    if got == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {} (the server hanging up without an answer on posts 6 and 2, post 4 \
         with five comments), got {got}; expected {expected}: a dropped connection is that \
         entry's `Err`, without a status, and the others are counted all the same",
        list(&ids)
    )))
}

/// One failure never costs the others, a timeout included: ids [5, 2, 4294967298], post 5's head
/// held back past the client's 1.5 s timeout, posts 2 and 4294967298 (2^32 + 2, past a `u32`)
/// answered at once with one comment each.
/// reqwest's timeout runs from `send()` to the end of the body: bodies read only once every
/// `send()` has ended are read after their own time is up.
pub async fn one_slow_answer_costs_no_other<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let (server, client, base_url) = crate::warm_ups::one_answer_stalls(5)
        .await
        .map_err(|problem| EXERCISE.fail(&problem))?;
    // Post 5 last: its request is sent last, so when the client gives up on it, the others'
    // time is up too, whatever the gaps between the sends on a busy machine.
    let ids = [2, 4_294_967_298, 5];
    let setting = format!(
        "asked about ids [2, 4294967298, 5] with a client that gives up after {} ms, post 5's \
         comments not coming in that time and those of the others (one each) at once",
        crate::warm_ups::SHORT_CLIENT_TIMEOUT.as_millis()
    );
    let Ok(outcome) = tokio::time::timeout(
        crate::warm_ups::SHORT_CLIENT_TIMEOUT * 4,
        EXERCISE.run(candidate(&client, &base_url, &ids)),
    )
    .await
    else {
        return Err(EXERCISE.fail(&format!(
            "{setting}: the function had not returned {} s later: each request ends when the \
             client gives up on it",
            (crate::warm_ups::SHORT_CLIENT_TIMEOUT * 4).as_secs()
        )));
    };
    let pairs = outcome?;
    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    let right = pairs.len() == 3
        && matches!(&pairs[0], (2, Ok(1)))
        && matches!(&pairs[1], (4_294_967_298, Ok(1)))
        && matches!(&pairs[2], (5, Err(err)) if err.is_timeout());
    if right {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "{setting}: the function returned {}; expected [(2, Ok(1)), (4294967298, Ok(1)), \
         (5, Err(timeout))]: one failure never costs the others. The client's timeout covers each answer's \
         body too, from its `send()`: read each body as soon as its head arrives, in the same \
         future as its request",
        describe_all(&pairs)
    )))
}

/// A base URL that is no URL (its scheme left out) is each entry's `Err`, the one `send()`
/// gives: no panic on the way to building the URLs.
pub async fn a_base_url_that_is_no_url_is_an_err_per_entry<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let not_a_url = NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = tagged_client("http://127.0.0.1");
    let pairs = EXERCISE.run(candidate(&client, no_url, &[3, 8])).await?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    if matches!(pairs.as_slice(), [(3, Err(_)), (8, Err(_))]) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [3, 8] with the base URL {no_url:?}, which is no URL (no scheme), \
         the function returned {}; expected [(3, Err(…)), (8, Err(…))]: a base URL that is no \
         URL makes each request fail, and each entry gets its `Err`",
        describe_all(&pairs)
    )))
}

/// Every call asks the server: a count remembered from an earlier call is not the count the
/// server has now.
pub async fn asks_again_on_every_call<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Pairs,
{
    let ok = |id, n| ResponseTemplate::new(200).set_body_json(comments(id, n));
    let server = lesson_support::testing::fresh_server().await;
    mount(&server, "/api", 4, ok(4, 2)).await;
    mount(&server, "/api", 9, ok(9, 1)).await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let first = EXERCISE.run(candidate(&client, &base_url, &[4, 9])).await?;
    one_get_per_entry(&requests_of(&server).await, "/api", &[4, 9])?;
    // Post 4 gets a comment more; the server forgets what it received.
    server.reset().await;
    mount(&server, "/api", 4, ok(4, 3)).await;
    mount(&server, "/api", 9, ok(9, 1)).await;
    let second = EXERCISE.run(candidate(&client, &base_url, &[9, 4])).await?;

    let requests = requests_of(&server).await;
    let (first, second) = (describe_all(&first), describe_all(&second));
    let asked = |id: u64| {
        let wanted = format!("/api/posts/{id}/comments");
        requests.iter().filter(|(_, p, _)| *p == wanted).count()
    };
    if asked(4) == 1 && asked(9) == 1 && second == "[(9, Ok(1)), (4, Ok(3))]" {
        return one_get_per_entry(&requests, "/api", &[9, 4]);
    }
    Err(EXERCISE.fail(&format!(
        "called twice with the same client and base URL, first with ids [4, 9] (got {first}), \
         then, post 4 having got a third comment in between, with ids [9, 4]: the second call \
         sent GET /api/posts/4/comments {} and GET /api/posts/9/comments {}, and returned \
         {second}; expected one request each and [(9, Ok(1)), (4, Ok(3))]: every call asks the \
         server, no count is remembered from an earlier call",
        count_of_times(asked(4)),
        count_of_times(asked(9))
    )))
}
