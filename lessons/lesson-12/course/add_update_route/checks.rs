//! The checks of exercise 17 (`add_update_route`), run against your file, the reference solution,
//! the course's typical wrong answers and its correct variants.
//!
//! Every check serves the router your function returns through `lesson_12::app` (its layers and
//! its state, as `cargo run -p lesson-12` does) and calls it in-process, one request at a time,
//! with `tower::ServiceExt::oneshot`: no socket, so a panic in your handler is reported here.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | the route works on any router it is added to, with that router's state, on the runtime that serves it | `serves_one_runtime_after_another` (first, before any request on the checks' own runtime) | two servers one after another, each on a runtime of its own (the first of two worker threads, the second current-thread: the runtime's kind decided once and `block_in_place` panics), the one before dropped first, each sent `PATCH /posts/5` with the same title: the usual store, then one whose post 5 has another author, title and body: each answer and store compared with the reference's, once the first server's were right (an answer remembered in a `static` from an earlier server, a journal of edits replayed into a new store, or a task spawned by the first request and kept in a `static`, dead with its runtime, fails) ; each runtime, once it served right, dropped as `#[tokio::main]` drops its own, must be gone within 5 s (a worker started with `spawn_blocking` that waits for ever keeps it, and the program, from ending) |
//! | the route edits the store of the state it is served with | `one_router_serves_each_store` (last) | one router of the function's served twice with `app(router, state)`, each with a store of its own, the second's post 5 another post, each sent `GET /posts/5`, the same patch and `GET /posts/5` again: each answer and store compared with the reference's (an editor task started with the first request's store fails; so does a cache of reads kept by the router) ; then `PATCH /posts/4` to a store with no post 4 (404) and to one with a post 4 (200: a missing id remembered across stores fails); then the router served with two stores at the same time, each sent a patch of post 1 with a title of its own at once: each store gets its own (edits gathered by the id alone across stores fail); then the same patch to both, the second store's post 1 of another author: each answers with its own post (an answer kept by the title and body alone fails) |
//! | the routes `router` has keep working | `keeps_the_routes_it_was_given` | a router with a route of the check's own, `GET /check/ping` (returning `lesson_12::routes()` with the route added, not the router given, loses it); the list, a filtered list, posts 5 and 13, a `POST` that creates post 14, a `POST` of about 9 KiB that creates post 15 (a body limit of one's own layered on the whole router answers 413), a path no route has, and `/posts/5/` (a route of one's own with a trailing slash answers 405 there), `DELETE /posts` (a 405 fallback of one's own changes that answer's body), `OPTIONS /posts` (a CORS layer of one's own answers it): each answer compared with the lesson's own app (a `Router::new()` of one's own loses them); a router that cannot be built (`/:id`, axum 0.7's syntax, panics in 0.8) is reported as the panic it is |
//! | only `PATCH` edits | `edits_with_patch_only` | `PUT`, `POST`, `DELETE /posts/5` with a patch's body, and to `/posts/1` and `/posts/abc` with none (a method checked inside an `any(..)` handler answers 415 or 400), a `POST` with `X-HTTP-Method-Override: PATCH`, and `PATCH /posts` must stay 405 and change nothing (`put`, `any`, `post(..).patch(..)`, or a method override of one's own fail); each 405 with the reference's `Allow` (405 handlers of one's own, or a route for `DELETE` or `OPTIONS`, fail) |
//! | 200 with the whole post after the change, as JSON | `answers_with_the_whole_post_after_the_change` | `Content-Type: application/json` required (the post's JSON text sent as a `String` fails); one patch sent as `application/json; charset=utf-8`, one as `application/merge-patch+json`, one as `Application/JSON` (a `Content-Type` compared as text fails); the title alone, the body alone, both, neither (`{}`), a `null` title, an empty body (`""`: only the title may not be blank), a body that fills the app's 16 KiB limit (a body limit of the route's own, or a cap on the body's length, answers 413 or 422); a title of `a` and thirty `é` (a preview cut at byte 40 panics); a title with `&`, `<`, `>` and quotes (escaping them as HTML fails); posts 5, 13 and 2 (not the first, not in order, ids with gaps); the answer's JSON compared whole (the patch echoed, the post before the change, `user_id` for `userId`, a 201 or 204 fail); a title with spaces around it is kept as sent (a `trim()` fails); a title of one zero-width space, `\u{200b}`, which `str::trim` keeps (taking invisible characters as blank fails); a title that fills the app's 16 KiB limit (a length limit of one's own fails); a title of one byte-order mark, `\u{feff}` (stripping it fails), one with ESC and DEL (refusing control characters fails); a patch sent with `Accept: text/html` (a `406` for a client that does not ask for JSON fails), one with `Prefer: return=minimal` (a 204 fails); a title with a line break and a body with a NUL (flattening or stripping them fails) |
//! | the change is kept; no other post changes | `keeps_the_change_and_nothing_else` | two patches of post 8 in a row, then the whole store compared with what it must hold (a clone changed and answered, never written back, fails; so does a patch applied to the wrong post) |
//! | each patch answered on its own, whatever another request is doing | `a_patch_beside_a_slow_one_is_answered` | a patch of post 8 whose body stops halfway until the check lets the rest go, and meanwhile a good patch of post 5: answered 200 within 2 s, as the reference answers it (a gate of one's own that lets one edit in at a time, held while a body arrives, answering 409 or making it wait, fails); then the slow one's rest: 200, and post 8 holds the slow title and post 5 the other (a request's id kept in a `thread_local!` that another request overwrites fails); then the same with the quick patch of post 8 too: post 8, and the slow one's answer, hold the slow title, applied last (a patch overtaken by a later one of the same post, answered 200 but not applied, fails); then 13 slow patches at once beside the quick one (a pool of edit slots taken before the body is read fails); then two whole patches of post 8 at once, each first in turn: each answered 200 with the post after its own change (then, or once both are in), applied one after the other (a change made on a copy written back after an `.await`, or fields set one at a time with an `.await` between, fails); then, with the app's time limit made 30 s, a patch of post 8 whose body stops in the middle of a character while the check moves the clock 28 s on: 200 and applied (a time limit of one's own on the handler or its body, a `TimeoutLayer` on the route, even one of the app's usual 10 s, fails; so does each piece of a body decoded as UTF-8 on its own); then a patch of post 8 whose body stops halfway past the app's 10 s (the clock moved on): the app's 408, and once the rest is sent, post 8 unchanged (a request handed to a spawned task that reads the body and edits after the app answered fails); then 100 patches whose bodies stop halfway, dropped by their client, and a good patch of post 5: 200 and applied (a count of patches in progress lowered only once an answer is made, turning patches away past a limit, fails) |
//! | `id` and `userId` never change; other fields ignored | `never_changes_the_id_or_the_author` | `{"title", "id": 99, "userId": 7, "extra": [1]}`, then `{"userId": "alice", "id": -1, "title", "extra": null}` (a patch struct that types `id` or `userId` answers 422), with a `content` field too (`#[serde(alias = "content")]` on `body` changes the body), then `Title`, `Body` and `BODY` (aliases for other cases fail): post 5 keeps id 5 and its author, no post 99 appears, nothing else changes (`deny_unknown_fields` answers 422 and fails; so does a patch struct with `user_id`) |
//! | a whole number that is no post's id: 404, `ApiError::NotFound(id)`'s body | `a_post_that_is_not_there_is_a_404` | 4 (a gap between 3 and 5), 0, 5000000000 (over `u32::MAX`: a `Path<u32>` answers 400), `0004` and `+4` (`no post 4`: the id as written named in the error fails): the body compared whole; the store unchanged (an upsert that creates the post fails) |
//! | a blank title: 422, `check_title`'s body, nothing applied | `a_blank_title_is_a_422_that_changes_nothing` | `""`, `"   "`, `" \t\n"` and `"\u3000\u00a0"` (white space that is not ASCII: `trim_ascii` fails), each sent with a `body`, the body before and after the title in the JSON (a body applied before the title is checked fails; a title checked only when not empty fails); then a store with post 21 titled `" "` and a patch of its body alone: 200 (checking the post after the change, not the title sent, answers 422); then the same blank title sent with a body: 422, nothing applied (checking the title only when it changes fails) |
//! | what the extractors refuse: their answer, nothing changed | `a_request_the_extractors_refuse_changes_nothing` | `/posts/abc` and `/posts/-1` (400), valid JSON with no `Content-Type`, with `text/plain`, `application/jsonp` and `application/x-www-form-urlencoded` (415: JSON read whatever the content type says fails), an empty body with and without `Content-Type: application/json` (400 and 415: an empty body read as `{}` fails), `{"title": ` (400), `{"title": 5}`, `{"title": "new", "body": 5}` (fields applied one by one as they are checked fail), `{"title": 5}` to `/posts/4` (a post looked up before the body is read answers 404), `[]`, `"text"`, `null` (422: a `Json<Option<..>>` takes `null` as no patch), a body over the limit (413): statuses compared, the store unchanged; then the texts of the two bodies that are not JSON (`{"title": ` and an empty one), which `Json` words each for its request, must differ as the reference's do (a refusal built once per kind and kept for the next fails) (a `Json<Value>` read by hand, a `String` body parsed with `from_str`, or an `Option<Json<..>>` fail) |
//! | every clause, one thing changed at a time | `agrees_with_the_reference_one_change_at_a_time` | a good patch of post 5 sent with one thing changed, each answer and the store after it compared with the reference's: the method (`GET`, `HEAD`, `PUT`, `POST`, `DELETE`, `OPTIONS`, `PATCH`, `TRACE`, `patch`: methods are case-sensitive, and `MERGE`: a method of an extension taken for `PATCH` fails) on `/posts/5`, `/posts`, `/posts/5/`, `/posts/abc`, `/posts/5/title` and `/posts/5/revisions` (an `OPTIONS` handler of one's own fails, and so does a route of one's own for a post's field or history); the id (`0`, `4`, `05`, `+5`, `%35`, 2^53 + 1, `u64::MAX` and one past it, `5.0`, `0x5`, `%205`, `5%0A`, a full-width `５`, `5;jsessionid=1` …: an id capped at 2^53 fails, and so does one trimmed before it is read); a query (`?validateOnly=true`, `?dryRun=All` …, each with a title of its own: a dry run of one's own keeps nothing and fails; `?userId=1`, not post 5's author: a query taken as a filter fails; `?userId=two`, `?userId=` and a repeated `userId`, which the lesson's `ListQuery` refuses: reading it for a log of one's own answers 400 and fails); two `Content-Type` headers, each first in turn (`Json` reads the first: a map of the headers that keeps the last fails); 22 content types, those `Json` takes (`charset=utf8`, `iso-8859-1`, `APPLICATION/JSON`, `application/json-patch+json`, `application/vnd.api+json`) and those it does not (`text/json`, `application/x-json`, `*/*`, an empty one): a type test of one's own, stricter or looser, fails; 52 bodies (a body with CRLF: normalizing line breaks fails; `{"post": {..}}`: reading a wrapper fails; a JSON Patch array; other JSON values; JSON and then text; two patches back to back and one per line (400: applying each in turn fails); a BOM first; characters past the BMP, as they are and as a surrogate pair (refusing 4-byte UTF-8 fails); a string whose text is a patch, JSON encoded twice: unwrapping it fails; `{"title": {"raw": ..}}`, WordPress's form: reading it fails; a comma before the closing brace (400: tolerating it fails); a line break and a tab as they are inside a string (400: escaping them and reading again, as Python's `strict=False`, fails); U+FFFD in a title, escaped and as it is (200: refusing it as mojibake fails); `wait for it...` and `a -- b` (typesetting them fails), curly quotes (straightening them fails), a body with `\\n` and `\\t`, a backslash and a letter (unescaping them fails), `100%25` (percent-decoding fails), titles that start with `-`, `=` and `@` (refusing what a spreadsheet reads as a formula fails), `__proto__`, `constructor` and CouchDB's `_rev` members beside a title (refusing them fails), and a title and then the same title in other case (a case-blind compare that keeps the first fails); a title in Latin-1, `caf\xE9`, not UTF-8 (400: decoding the body lossily into U+FFFD stores what was never sent); a title that looks like UTF-8 read as Latin-1, `don\u00e2\u0080\u0099t` (stored as sent: repairing it fails); the titles `&nbsp;`, `<p></p>` and `<br>` (200: taking a rich-text editor's leftovers for blank fails); `["an array of one"]` (422: a `#[serde(default)]` on one field takes it); the texts `"null"` and `"undefined"` (stored as text: reading them as missing fails)); `?title=from%20the%20query` and `?title=` beside `{}` (fields taken from the query fail); ids `5,8` and `5.json` (400: a list of ids or a format suffix read fails); a `null` under `application/json`, `application/merge-patch+json` and `application/vnd.api+json` (merge-patch rules that clear a field fail); bodies that end in a line break (trimming them fails), a title with two spaces inside, a title of each character `char::is_whitespace` names (422) and of U+001C–U+001F, U+180E, U+2060, U+200B, U+200C, U+200D, U+FEFF, the controls of text direction U+202A, U+202E, U+2066 and U+2069, the soft hyphen U+00AD, U+034F, the blank braille pattern U+2800 and the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, beside them (200: Python's `isspace` or JavaScript's list fails, and so does refusing what a title shows rather than what it is); `Prefer: handling=strict` beside another field (ignored all the same); a post made by `POST /posts`, then patched (a bound on ids taken at the start fails); one header (`Accept: application/xml`, `application/hal+json`, `Expect: 100-continue` and `100-Continue` (a case-sensitive test of one's own answers 417), `X-Forwarded-For` and `Forwarded` from an outside address (a gate of one's own fails), `Origin` …: links of one's own added to the answer fail; `If-Match` with a tag and with a weak one, `If-Unmodified-Since` and `Content-Range`: a precondition of one's own, or refusing ranges, fails; `X-User-Id` of a user who is not the author, a `Date` from 1994, `Prefer: respond-async`, `Sec-Fetch-Mode: cors`, and `X-Forwarded-Proto: http` with a `Host`: a gate, a 202, a redirect or a prefix against JSON hijacking of one's own fails); two patches with titles of their own, dated today and then 1994 (the later date kept as the last writer's, dropping the older, fails); a patch with an `Idempotency-Key`, another patch, then the first again with the same key (an answer saved for the key and replayed fails); a blank title beside `Accept-Language: fr-FR,fr;q=0.9`, `de`, `Accept: text/html` or `application/problem+json` (the same 422 and body: a message of one's own in another language or form fails); an empty body with `Content-Length: 0` (taking it as `{}` fails), and `{}` with `Content-Length: 2` as `text/plain` and with no type (415: a fast path for an empty patch that skips the type fails); then 300 patches in a row (a rate limit of one's own fails, and so does a `u8` counter of edits, which overflows at the 256th); a title of 300 spaces and then `x` (a blank test of the first characters fails), a title of 250 spaces and `x`, then one of 251 spaces (422: a verdict kept for the first 250 bytes fails), a title beside 100 other fields (a cap on fields fails), a patch in UTF-16 with its byte order mark (400: guessing the encoding, as Python's `json.loads` does, fails); then `["an array's title", "an array's body"]`: the patch as the derived `Deserialize` reads it, or a 400 or 422 that changes nothing (the fields taken in another order fail); then a store with posts whose ids and author are past 2^53, past `i64::MAX` and at `u64::MAX` (sending them as strings fails, and so does an id taken as a signed row id); ids `5-hello-world` (400) and `0000000000000000000005` (post 5: a cap on the id's length fails); `?callback=show` (a JSONP answer fails); `If-None-Match: *`, `Range`, `Accept-Charset: iso-8859-1` and a session's `Cookie` (a 412, a 206, a Latin-1 answer or a 403 for a missing CSRF token fail); `If-Match: *` to a post that is not there (404); `PUT` as text and `POST` as a form (405: a content-type gate layered on the whole method router answers 415); a gzipped body with `Content-Encoding: gzip` (400, as `Json` reads it: a 415 of one's own fails); the title `""`, two quote marks (200); then a store with post 0 (`id - 1` for a link overflows) and twenty posts whose bodies are 60,000 characters, 1.2 MB in all, one given a longer title (an answer written into a fixed buffer fails, and so does a cap of one's own on the store's text); every answer labelled JSON must be JSON (a byte-order mark, a `)]}',` prefix, or `Debug` escapes such as `\u{200b}` fail, the parser's error shown); `Authorization` with Basic credentials and with a lower-case `bearer` (a gate or a scheme test of one's own fails); every refusal of a body the `Json` extractor's own, its text beginning as the reference's does (a `String` read first answers a body that is not UTF-8 with that extractor's words, and fails); and every answer's `Content-Length`, when there is one, equal to its body's bytes (a count of characters fails), and every JSON answer labelled `application/json` as the reference labels it (a type copied from the request, `application/merge-patch+json`, fails), with one `Content-Type` header and no `Content-Encoding` (a second `Content-Type` with a `charset`, or `Content-Encoding: utf-8`, fails) |
//! | all of it, on any mix of requests | `agrees_with_the_reference_on_seeded_requests` | 3 seeds × 40 requests drawn at random (ids present and missing, fields present, absent, `null`, blank, other fields, bodies of other shapes): each status, each 404 and 422 body, each 200's post, and the store after every request compared with the reference's |
//! | no panic | every check | each request's future is run under a catch: a handler that unwraps a missing post, or indexes past the end, is reported as a panic |
//!
//! Out of the contract: which of a missing post and a blank title is reported first (the seeded
//! requests never send a blank title to a missing post); whether a JSON array of the two
//! strings, `["t", "b"]`, which serde's derived `Deserialize` reads as the struct's fields in
//! order, is taken as a patch or refused (the checks send one and accept either, but not the
//! fields in another order); an object that names a field twice (the derived `Deserialize`
//! refuses it, a `Value` keeps the last: the checks send none); which of a body's type and its
//! size is refused when both are wrong (a body read whole before the `Json` extractor answers a
//! long body of another type 413, the extractor 415); which refusal answers a
//! request that two extractors would refuse (`/posts/abc` without a JSON `Content-Type`: the
//! lesson's extractor order says 400, an id parsed by hand after the body says 415); the text of
//! an id's refusal (`Path<u64>` and a `Path` of a struct word it differently; a body's refusal
//! is the `Json` extractor's own, which says what was wrong with that body).
//!
//! # Known gap
//!
//! A post copied out under one taking of the store's lock and written back, whole, under a
//! second ("get, modify, save"): two PATCHes of one post at once can lose one's change. Nothing
//! awaits between the two takings, so the loss needs another request to take the lock in those
//! few nanoseconds, on another thread: no check can stage that every time, and one that catches
//! it only sometimes would fail a right answer's neighbours at random. The hints and the chapter
//! say to take the lock once and change the post in place.
//!
//! The same holds for identical patches in flight at once that share one edit, kept in a
//! `static` keyed by the id and the patch (Go's `singleflight`): sent to two stores together,
//! the second store is never changed, but only when the first edit is still running as the
//! second request reaches its handler, which no check can make sure of.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::routing::get;
use lesson_12::{AppState, Limits, app, routes};
use lesson_support::models::Post;
use lesson_support::testing::{Exercise, Verdict, gzip_stored, on_a_thread_of_its_own};
use mock_server::SeededRng;
use serde_json::{Value, json};
use tower::ServiceExt;

#[path = "solution.rs"]
mod reference;

pub const EXERCISE: Exercise = Exercise {
    number: 17,
    file: "lessons/lesson-12/src/exercises/add_update_route.rs",
};

lesson_support::exercise_checks! {
    candidate: Fn(Router<AppState>) -> Router<AppState> + Copy + Send + 'static;
    // First, before any request on the checks' own runtime: a task or handle that the first
    // request keeps in a `static` would live on that runtime, which outlives every check, and
    // hide the fault.
    serves_one_runtime_after_another,
    keeps_the_routes_it_was_given,
    edits_with_patch_only,
    answers_with_the_whole_post_after_the_change,
    keeps_the_change_and_nothing_else,
    never_changes_the_id_or_the_author,
    a_post_that_is_not_there_is_a_404,
    a_blank_title_is_a_422_that_changes_nothing,
    a_request_the_extractors_refuse_changes_nothing,
    agrees_with_the_reference_one_change_at_a_time,
    agrees_with_the_reference_on_seeded_requests,
    // Last: a patch answered wrong on its own is named by the checks before these.
    a_patch_beside_a_slow_one_is_answered,
    one_router_serves_each_store,
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/// The posts every check starts with: ids out of step with their places (4 is missing), users
/// that are not one per post.
fn posts() -> Vec<Post> {
    let post = |user_id, id, title: &str, body: &str| Post {
        user_id,
        id,
        title: title.to_owned(),
        body: body.to_owned(),
    };
    vec![
        post(1, 1, "first", "the first body"),
        post(1, 2, "second", "the second body"),
        post(2, 3, "third", "the third body"),
        post(2, 5, "fifth", "the fifth body\nover two lines"),
        post(3, 8, "eighth", "the eighth body"),
        post(7, 13, "thirteenth", "the thirteenth body"),
    ]
}

/// An app to send requests to: what a router function made of the lesson's routes, served the
/// way `lesson_12::app` serves it, and a handle on its state.
struct Served {
    app: Router,
    state: AppState,
}

/// The body-size limit of the checks' app (the lesson's default).
fn limits() -> Limits {
    Limits::default()
}

/// The candidate's router, served; a panic while it is built is reported as one.
async fn serve<F>(candidate: &F) -> Result<Served, String>
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    serve_with(candidate, posts()).await
}

/// The same, with a store of `posts` instead of the usual ones.
async fn serve_with<F>(candidate: &F, posts: Vec<Post>) -> Result<Served, String>
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    serve_within(candidate, posts, limits()).await
}

/// The same, with a store of `posts`, inside `limits` instead of the app's usual ones.
async fn serve_within<F>(candidate: &F, posts: Vec<Post>, limits: Limits) -> Result<Served, String>
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let router = EXERCISE
        .run(async { candidate(routes()) })
        .await
        .map_err(|message| {
            if message.contains("still the stub") {
                message
            } else {
                format!(
                    "{message}\n  (that panic came while your function built the router: axum \
                     checks each route as it is added, and panics on one it refuses)"
                )
            }
        })?;
    let state = AppState::new(posts);
    Ok(Served {
        app: app(router, state.clone(), limits),
        state,
    })
}

/// The lesson's own app, without the exercise's route: what the other routes must still answer.
fn lesson_app() -> Served {
    let state = AppState::new(posts());
    Served {
        app: app(routes(), state.clone(), limits()),
        state,
    }
}

/// The reference solution's app.
fn reference_app() -> Served {
    reference_app_with(posts())
}

/// The same, with a store of `posts` instead of the usual ones.
fn reference_app_with(posts: Vec<Post>) -> Served {
    let state = AppState::new(posts);
    Served {
        app: app(
            reference::add_update_route(routes()),
            state.clone(),
            limits(),
        ),
        state,
    }
}

/// One request, as a check sends it.
#[derive(Debug, Clone)]
struct Ask {
    method: &'static str,
    path: String,
    /// The `Content-Type`, if any, and the body: bytes, as a client may send bytes that are not
    /// UTF-8.
    body: Option<(Option<&'static str>, Vec<u8>)>,
    /// The headers of the check's own, if any: `Accept`, say.
    headers: Vec<(&'static str, &'static str)>,
}

impl Ask {
    fn get(path: &str) -> Ask {
        Ask::bare("GET", path)
    }

    /// `method path` with no body.
    fn bare(method: &'static str, path: &str) -> Ask {
        Ask {
            method,
            path: path.to_owned(),
            body: None,
            headers: Vec::new(),
        }
    }

    /// `method path` with a JSON body and `Content-Type: application/json`.
    fn json(method: &'static str, path: &str, body: &Value) -> Ask {
        Ask::raw(method, path, Some("application/json"), &body.to_string())
    }

    fn patch(path: &str, body: &Value) -> Ask {
        Ask::json("PATCH", path, body)
    }

    fn raw(
        method: &'static str,
        path: &str,
        content_type: Option<&'static str>,
        body: &str,
    ) -> Ask {
        Ask::bytes(method, path, content_type, body.as_bytes())
    }

    /// The same, with a body of bytes that need not be UTF-8.
    fn bytes(
        method: &'static str,
        path: &str,
        content_type: Option<&'static str>,
        body: &[u8],
    ) -> Ask {
        Ask {
            method,
            path: path.to_owned(),
            body: Some((content_type, body.to_vec())),
            headers: Vec::new(),
        }
    }

    /// The same request, with the header `name: value` too.
    fn with_header(mut self, name: &'static str, value: &'static str) -> Ask {
        self.headers.push((name, value));
        self
    }
}

impl std::fmt::Display for Ask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)?;
        if let Some((content_type, body)) = &self.body {
            let shown = if body.is_empty() {
                "with an empty body".to_owned()
            } else if body.len() > 80 {
                format!("{} bytes", body.len())
            } else if let Ok(text) = std::str::from_utf8(body) {
                // Invisible characters (a byte-order mark, DEL) shown as escapes.
                text.chars()
                    .map(|c| match c {
                        '"' | '\'' | '\\' => c.to_string(),
                        _ => c.escape_debug().to_string(),
                    })
                    .collect()
            } else {
                // Not UTF-8: every byte that is not printable ASCII shown as `\xNN`.
                body.iter()
                    .map(|&byte| match byte {
                        b' '..=b'~' => char::from(byte).to_string(),
                        _ => format!("\\x{byte:02x}"),
                    })
                    .collect()
            };
            match content_type {
                Some("application/json") => write!(f, " {shown}")?,
                Some(other) => write!(f, " {shown} (as {other})")?,
                None => write!(f, " {shown} (with no Content-Type)")?,
            }
        }
        match self.headers.as_slice() {
            [] => Ok(()),
            [("accept", value)] => write!(f, " (accepting {value})"),
            [(name, value)] => write!(f, " (with `{name}: {value}`)"),
            headers => {
                let shown: Vec<String> = headers
                    .iter()
                    .map(|(name, value)| format!("`{name}: {value}`"))
                    .collect();
                write!(f, " (with {})", shown.join(" and "))
            }
        }
    }
}

/// An answer: its status, and its body as JSON (or `None` when it is not JSON).
#[derive(Debug, Clone, PartialEq)]
struct Answer {
    status: StatusCode,
    /// The `Content-Type` header, if any.
    content_type: Option<String>,
    /// The `Allow` header, if any: the methods a 405 says the path takes.
    allow: Option<String>,
    json: Option<Value>,
    text: String,
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = if self.text.chars().count() > 160 {
            let cut: String = self.text.chars().take(159).collect();
            format!("{cut}…")
        } else {
            self.text.clone()
        };
        write!(f, "{} {text}", self.status.as_u16())?;
        // A 405 says which methods the path takes.
        if let Some(allow) = self
            .allow
            .as_ref()
            .filter(|_| self.status == StatusCode::METHOD_NOT_ALLOWED)
        {
            write!(f, " (`Allow: {allow}`)")?;
        }
        // A JSON body labelled as something else: the label is part of what is wrong.
        match &self.content_type {
            Some(content_type) if self.json.is_some() && !is_json_type(content_type) => {
                write!(f, " (`Content-Type: {content_type}`)")
            }
            None if self.json.is_some() => write!(f, " (no `Content-Type`)"),
            // Labelled JSON but not JSON: what the parser says, since the text may look like
            // JSON (a byte-order mark first, or a `\u{..}` escape, shows nothing wrong).
            Some(content_type)
                if self.json.is_none() && !self.text.is_empty() && is_json_type(content_type) =>
            {
                match serde_json::from_str::<Value>(&self.text) {
                    Err(err) => write!(f, " (labelled `{content_type}`, but not JSON: {err})"),
                    Ok(_) => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }
}

/// Sends `ask` to `served`; a panic on the way is reported as one.
async fn send(served: &Served, ask: &Ask) -> Result<Answer, String> {
    let mut request = Request::builder().method(ask.method).uri(&ask.path);
    for (name, value) in &ask.headers {
        request = request.header(*name, *value);
    }
    let body = match &ask.body {
        None => Body::empty(),
        Some((content_type, body)) => {
            if let Some(content_type) = content_type {
                request = request.header(header::CONTENT_TYPE, *content_type);
            }
            Body::from(body.clone())
        }
    };
    let request = request
        .body(body)
        .map_err(|err| format!("the check could not build `{ask}`: {err}"))?;
    let app = served.app.clone();
    let response = EXERCISE
        .run(app.oneshot(request))
        .await
        .map_err(|message| format!("answering `{ask}`: {message}"))?;
    let Ok(response) = response;
    let status = response.status();
    // One label for the body, and no coding: the app compresses nothing, so a body is sent as
    // it is (a `charset` belongs in the `Content-Type`, not in a `Content-Encoding`).
    let lossy =
        |value: &header::HeaderValue| String::from_utf8_lossy(value.as_bytes()).into_owned();
    let labels: Vec<String> = response
        .headers()
        .get_all(header::CONTENT_TYPE)
        .iter()
        .map(lossy)
        .collect();
    if labels.len() > 1 {
        return Err(EXERCISE.fail(&format!(
            "`{ask}` was answered {} with {} `Content-Type` headers, {labels:?}: an answer says \
             once what its body is (one `Content-Type`; `Json` sets it, so a second one of your \
             own leaves a client to guess which counts)",
            status.as_u16(),
            labels.len()
        )));
    }
    if let Some(coding) = response.headers().get(header::CONTENT_ENCODING) {
        return Err(EXERCISE.fail(&format!(
            "`{ask}` was answered {} with `Content-Encoding: {}`: the body is sent as it is, \
             with no `Content-Encoding` (that header names a compression such as gzip, which a \
             client then undoes; a text's `charset` goes in `Content-Type`)",
            status.as_u16(),
            lossy(coding)
        )));
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let allow = response
        .headers()
        .get(header::ALLOW)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let announced = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .map_err(|err| format!("the body of the answer to `{ask}` could not be read: {err}"))?;
    // A `Content-Length` of one's own must be the body's length in bytes: a client reads that
    // many and no more (a length counted in characters cuts the JSON short). A `HEAD` answer
    // announces the length a `GET` would have, and has no body.
    let announced =
        announced.filter(|announced| ask.method != "HEAD" && *announced != bytes.len().to_string());
    if let Some(announced) = announced {
        return Err(EXERCISE.fail(&format!(
            "`{ask}` was answered {} with `Content-Length: {announced}`, and a body of {} bytes: \
             an answer's `Content-Length` is the length of its body in bytes (a count of \
             characters is shorter when the text is not ASCII)",
            status.as_u16(),
            bytes.len()
        )));
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(Answer {
        status,
        content_type,
        allow,
        json: serde_json::from_slice(&bytes).ok(),
        text,
    })
}

/// Whether a `Content-Type` is `application/json`, with or without parameters (a `charset`).
fn is_json_type(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// `words` repeated, with spaces between, to exactly `len` bytes.
fn long_text(words: &str, len: usize) -> String {
    let mut text = format!("{words} ").repeat(len / (words.len() + 1) + 1);
    text.truncate(len);
    text
}

/// Every post the app holds now, in the order of their ids.
fn store_of(served: &Served) -> Vec<Post> {
    served.state.store().all().cloned().collect()
}

/// `posts()` with post `id` changed by `change`.
fn posts_with(id: u64, change: impl FnOnce(&mut Post)) -> Vec<Post> {
    let mut posts = posts();
    if let Some(post) = posts.iter_mut().find(|post| post.id == id) {
        change(post);
    }
    posts
}

/// Post `id` of `posts()`, changed by `change`.
fn changed(id: u64, change: impl FnOnce(&mut Post)) -> Post {
    let mut post = posts()
        .into_iter()
        .find(|post| post.id == id)
        .unwrap_or_else(|| panic!("the checks hold no post {id}"));
    change(&mut post);
    post
}

fn post_json(post: &Post) -> Value {
    json!({"userId": post.user_id, "id": post.id, "title": post.title, "body": post.body})
}

/// How the store differs from `expected`, for a message: the first post that differs.
fn store_difference(served: &Served, expected: &[Post]) -> Option<String> {
    let actual = store_of(served);
    if actual == expected {
        return None;
    }
    for post in expected {
        match actual.iter().find(|held| held.id == post.id) {
            None => return Some(format!("post {} is gone", post.id)),
            Some(held) if held != post => {
                return Some(format!(
                    "post {} is {} where it should be {}",
                    post.id,
                    post_json(held),
                    post_json(post)
                ));
            }
            Some(_) => {}
        }
    }
    let extra: Vec<u64> = actual
        .iter()
        .filter(|held| !expected.iter().any(|post| post.id == held.id))
        .map(|held| held.id)
        .collect();
    Some(format!("it holds posts it should not: {extra:?}"))
}

/// Sends `ask`, and requires the store to be `expected` afterwards.
async fn send_then_store_is(
    served: &Served,
    ask: &Ask,
    expected: &[Post],
    rule: &str,
) -> Result<Answer, String> {
    let answer = send(served, ask).await?;
    if let Some(difference) = store_difference(served, expected) {
        return Err(EXERCISE.fail(&format!(
            "after `{ask}` (answered {answer}), {difference}. {rule}"
        )));
    }
    Ok(answer)
}

fn error_body(text: &str) -> Value {
    json!({ "error": text })
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// Clause: the route works on the router it is added to, served with its own state, on the
/// runtime that serves it. Two servers one after another, each a router of the function's
/// with a store of its own, each on a runtime of its own (the one before dropped first), each
/// sent the same patch of post 5, the second's post 5 another post.
/// An answer, a post, a task or a handle kept in a `static` from an earlier server fails. Only
/// what goes wrong after a first server that answered right counts here: a fault the first
/// server shows is one of every server's, and the checks after this one name it.
pub async fn serves_one_runtime_after_another<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState> + Copy + Send + 'static,
{
    let candidate = *candidate;
    on_a_thread_of_its_own(
        &EXERCISE,
        move || servers_one_after_another(candidate),
        || {
            "two servers one after another, each on a runtime of its own (the one before \
             dropped first), each sent one patch, had not all answered after 15 s: each router \
             answers on the runtime that serves it (no task or handle kept in a `static` from an \
             earlier server)"
                .to_owned()
        },
    )
    .await
}

/// The usual posts, but post 5 of another author, with another title and body: another
/// server's store.
fn posts_elsewhere() -> Vec<Post> {
    posts()
        .into_iter()
        .map(|post| match post.id {
            5 => Post {
                user_id: 9,
                id: 5,
                title: "another server's fifth".to_owned(),
                body: "another server's fifth body".to_owned(),
            },
            _ => post,
        })
        .collect()
}

/// The two servers of [`serves_one_runtime_after_another`], on the thread that calls it.
fn servers_one_after_another<F>(candidate: F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let ask = Ask::raw(
        "PATCH",
        "/posts/5",
        Some("application/json"),
        r#"{"title": "the same patch, sent to each server"}"#,
    );
    let servers = [
        ("the usual posts", posts()),
        (
            "a post 5 of another author, title and body",
            posts_elsewhere(),
        ),
    ];
    for (number, (store, posts)) in servers.into_iter().enumerate() {
        // The first runtime has two workers, the second one thread, as `#[tokio::test]`.
        let mut builder = if number == 0 {
            let mut builder = tokio::runtime::Builder::new_multi_thread();
            builder.worker_threads(2);
            builder
        } else {
            tokio::runtime::Builder::new_current_thread()
        };
        let runtime = builder
            .enable_all()
            .build()
            .map_err(|err| format!("the check could not build its runtime: {err}"))?;
        let verdict = runtime.block_on(async {
            let place = format!(
                "on server {} of two, one after another, each a router of your function's on \
                 a runtime of its own (the first of two worker threads, the second of one, the \
                 one before dropped first), with a store of its own ({store})",
                number + 1
            );
            let served = serve_with(&candidate, posts.clone()).await?;
            let reference = reference_app_with(posts);
            let expected = send(&reference, &ask).await?;
            let answer = send(&served, &ask)
                .await
                .map_err(|message| format!("{place}: {message}"))?;
            let difference = store_difference(&served, &store_of(&reference));
            let answered_right = agrees(&answer, &expected);
            if answered_right && difference.is_none() {
                return Ok(());
            }
            // Answered right, but the store is not: the change is not in it when the answer
            // goes, whatever runtime serves it (a write left to a task of its own, say).
            if let (true, Some(difference)) = (answered_right, &difference) {
                return Err(EXERCISE.fail(&format!(
                    "{place}: `{ask}` was answered {answer}, as the contract says, but then \
                     {difference}: The change is kept in the store (`state.store()`, changed in \
                     place) before the answer is sent, so that the next request sees it"
                )));
            }
            Err(EXERCISE.fail(&format!(
                "{place}: `{ask}` was answered {answer}, where the contract's answer is \
                 {expected}{}: each router keeps its posts and edits in the `AppState` it is \
                 served with, and answers on the runtime that serves it (nothing kept in a \
                 `static` from an earlier server: no answer, post, task or handle)",
                difference.map_or(String::new(), |difference| format!(", and {difference}"))
            )))
        });
        if let Err(message) = verdict {
            runtime.shutdown_timeout(Duration::from_secs(1));
            // The first server wrong is another fault, which the checks after this one name.
            if number == 0 {
                return Ok(());
            }
            return Err(message);
        }
        // The first server runs on for a while after its answer, as a server does: the tasks
        // its requests spawned get their turn (on a loaded machine, a task spawned by the last
        // request may not have been polled yet when the answer is in).
        if number == 0 {
            runtime.block_on(async { tokio::time::sleep(Duration::from_millis(100)).await });
        }
        // Dropped as `#[tokio::main]` drops its runtime when the program ends.
        if !dropped_within(runtime, Duration::from_secs(5)) {
            return Err(EXERCISE.fail(&format!(
                "server {} of two, one after another, each a router of your function's on a \
                 runtime of its own, answered right, but its runtime, dropped once it had \
                 served (as `#[tokio::main]` drops its own when the program ends), had not \
                 finished dropping after 5 s: dropping a runtime waits for every task on its \
                 blocking pool, so nothing of yours may run there for good (no worker started \
                 with `spawn_blocking` that waits for ever: a program that served your route \
                 would never end)",
                number + 1
            )));
        }
    }
    Ok(())
}

/// Drops `runtime` on a thread of its own, and says whether that was over `within`: a runtime
/// waits, when dropped, for every task on its blocking pool, and one of them may never end
/// (then the thread, and the runtime, are left behind).
fn dropped_within(runtime: tokio::runtime::Runtime, within: Duration) -> bool {
    let (dropped, done) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        drop(runtime);
        let _ = dropped.send(());
    });
    done.recv_timeout(within).is_ok()
}

/// Clause: the route edits the store of the state it is served with. One router of the
/// function's, served twice (`app(router, state)`, as `lesson_12::app` serves it), each time with
/// a store of its own, the second's post 5 another post; each sent the same patch: each answers
/// from its own store and changes it (an editor task of the router's own, started with the first
/// request's store, edits that store for every state).
pub async fn one_router_serves_each_store<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let router = EXERCISE.run(async { candidate(routes()) }).await?;
    let ask = Ask::patch("/posts/5", &json!({"title": "one router, two stores"}));
    for (number, (store, posts)) in [
        ("the usual posts", posts()),
        (
            "a post 5 of another author, title and body",
            posts_elsewhere(),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let state = AppState::new(posts.clone());
        let served = Served {
            app: app(router.clone(), state.clone(), limits()),
            state,
        };
        let reference = reference_app_with(posts);
        // A read before the patch and one after: the router's other routes answer from this
        // store too (an answer remembered from an earlier store, by a layer of one's own, fails).
        let read = Ask::get("/posts/5");
        let read_agrees = async |when: &str| -> Verdict {
            let (expected, answer) = (send(&reference, &read).await?, send(&served, &read).await?);
            if agrees(&answer, &expected) {
                return Ok(());
            }
            Err(EXERCISE.fail(&format!(
                "one router your function returned, served twice, each time with a store of its \
                 own (as `app(router, state)` serves it): with store {} ({store}), `{read}`, sent \
                 {when} `{ask}`, was answered {answer}, where the lesson's answer is {expected}: \
                 every route answers from the state it is served with (no answer kept by the \
                 router from an earlier store, such as a cache of reads)",
                number + 1
            )))
        };
        read_agrees("before").await?;
        let expected = send(&reference, &ask).await?;
        let answer = send(&served, &ask).await?;
        let difference = store_difference(&served, &store_of(&reference));
        if !agrees(&answer, &expected) || difference.is_some() {
            return Err(EXERCISE.fail(&format!(
                "one router your function returned, served twice, each time with a store of its \
                 own (as `app(router, state)` serves it): with store {} ({store}), `{ask}` was \
                 answered {answer}, where the contract's answer is {expected}{}: the route edits \
                 the store of the state it is served with, read from the request (`State`), \
                 never one it kept from an earlier request",
                number + 1,
                difference.map_or(String::new(), |difference| format!(", and {difference}"))
            )));
        }
        read_agrees("after").await?;
    }
    // Then a patch of post 4 to a store that has none, and to one that has: each store answers
    // for itself (a post found missing once, remembered for every store, fails).
    let ask = Ask::patch("/posts/4", &json!({"title": "a fourth post, patched"}));
    let mut with_four = posts();
    with_four.push(Post {
        user_id: 3,
        id: 4,
        title: "a fourth post".to_owned(),
        body: "in one store only".to_owned(),
    });
    for (store, posts) in [
        ("the usual posts, with no post 4", posts()),
        ("the usual posts and a post 4", with_four),
    ] {
        let state = AppState::new(posts.clone());
        let served = Served {
            app: app(router.clone(), state.clone(), limits()),
            state,
        };
        let reference = reference_app_with(posts);
        let expected = send(&reference, &ask).await?;
        let answer = send(&served, &ask).await?;
        let difference = store_difference(&served, &store_of(&reference));
        if agrees(&answer, &expected) && difference.is_none() {
            continue;
        }
        return Err(EXERCISE.fail(&format!(
            "one router your function returned, served with a store of {store}, after a store \
             with no post 4: `{ask}` was answered {answer}, where the contract's answer is \
             {expected}{}: each store answers for the posts it has now (nothing of another \
             store's, such as a post found missing there, kept by the route)",
            difference.map_or(String::new(), |difference| format!(", and {difference}"))
        )));
    }
    two_stores_at_once(&router).await
}

/// The same router served with two stores at the same time, and a patch of post 1 sent to each at
/// once, with a title of its own: each store gets its own patch, and only its own (edits of the
/// same id gathered across stores, a batch of one's own keyed by the id alone, fail).
async fn two_stores_at_once(router: &Router<AppState>) -> Verdict {
    // The second time, the same patch to both, and the second store's post 1 of another author:
    // patches that look the same are still two (one edit shared by both, or an answer kept by
    // the post's title and body alone, fails).
    let other_author: Vec<Post> = posts()
        .into_iter()
        .map(|post| match post.id {
            1 => Post { user_id: 7, ..post },
            _ => post,
        })
        .collect();
    let rounds = [
        (
            ["sent to the first store", "sent to the second store"],
            posts(),
            "the usual posts",
        ),
        (
            ["the same patch, to both stores"; 2],
            other_author,
            "the usual posts but post 1 of user 7",
        ),
    ];
    for (titles, second_posts, second_store) in rounds {
        let stores = [posts(), second_posts];
        let served: Vec<Served> = stores
            .iter()
            .map(|posts| {
                let state = AppState::new(posts.clone());
                Served {
                    app: app(router.clone(), state.clone(), limits()),
                    state,
                }
            })
            .collect();
        let asks = titles.map(|title| Ask::patch("/posts/1", &json!({ "title": title })));
        let (one, two) = tokio::join!(send(&served[0], &asks[0]), send(&served[1], &asks[1]));
        let answers = [one?, two?];
        edits_of_two_stores(&served, &stores, &asks, &answers, second_store).await?;
    }
    Ok(())
}

/// The verdict on [`two_stores_at_once`]'s patches: each answer and store compared with the
/// reference's.
async fn edits_of_two_stores(
    served: &[Served],
    stores: &[Vec<Post>; 2],
    asks: &[Ask; 2],
    answers: &[Answer; 2],
    second_store: &str,
) -> Verdict {
    for (number, ((served, ask), answer)) in served.iter().zip(asks).zip(answers).enumerate() {
        let reference = reference_app_with(stores[number].clone());
        let expected = send(&reference, ask).await?;
        let difference = store_difference(served, &store_of(&reference));
        if agrees(answer, &expected) && difference.is_none() {
            continue;
        }
        return Err(EXERCISE.fail(&format!(
            "one router your function returned, served with two stores at the same time (the \
             usual posts, and {second_store}), and a patch of post 1 sent to each at once: to \
             store {}, `{ask}` was answered {answer}, where the contract's answer is \
             {expected}{}: each request edits the store of the state it is served with, and only \
             that one, and answers with that store's post (two stores each have a post 1, and \
             two patches that look the same are still two: no edit shared between requests, no \
             answer kept from another)",
            number + 1,
            difference.map_or(String::new(), |difference| format!(", and {difference}"))
        )));
    }
    Ok(())
}

/// Clause: every route `router` already has keeps working as before.
pub async fn keeps_the_routes_it_was_given<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let lesson = lesson_app();
    let new_post = json!({"userId": 4, "title": "a new one", "body": "made by the check"});
    // About 9 KiB: under the app's 16 KiB limit, over a limit "for patches" of 4 or 8 KiB.
    let long_post =
        json!({"userId": 2, "title": "a long one", "body": "a long body. ".repeat(700)});
    let asks = [
        Ask::get("/posts"),
        Ask::get("/posts?userId=2"),
        Ask::get("/posts/13"),
        Ask::get("/posts/5"),
        Ask::get("/posts/4"),
        Ask::json("POST", "/posts", &new_post),
        Ask::get("/posts/14"),
        Ask::json("POST", "/posts", &long_post),
        Ask::get("/posts/15"),
        Ask::get("/comments/1"),
        // No route has a trailing slash: a route of one's own for one answers 405, not 404.
        Ask::get("/posts/5/"),
        // A method no route of `/posts` has: the lesson's 405, body and all (a fallback of
        // one's own for 405s changes it on every route).
        Ask::bare("DELETE", "/posts"),
        // Nor `OPTIONS`: a CORS layer of one's own answers it for every route.
        Ask::bare("OPTIONS", "/posts"),
    ];
    for ask in &asks {
        let expected = send(&lesson, ask).await?;
        let answer = send(&served, ask).await?;
        if answer != expected {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}, where the lesson's routes answer {expected}: \
                 every route of the router you were given keeps working as before, so that \
                 router is what you return, with your route added (and a layer you add with \
                 `Router::layer` wraps all of its routes, not only yours)"
            )));
        }
    }
    // A router that is not the lesson's: a route of the check's own must still answer (building
    // on `lesson_12::routes()` instead of the router given loses it).
    let given = routes().route("/check/ping", get(|| async { "pong" }));
    let router = EXERCISE.run(async { candidate(given) }).await?;
    let state = AppState::new(posts());
    let served = Served {
        app: app(router, state.clone(), limits()),
        state,
    };
    let ask = Ask::get("/check/ping");
    let answer = send(&served, &ask).await?;
    if answer.status != StatusCode::OK || answer.text != "pong" {
        return Err(EXERCISE.fail(&format!(
            "given a router with a route of the check's own, `{ask}` (which answers `pong`), \
             your router answered {answer}: the router you were given is the one you return, \
             with your route added (not `lesson_12::routes()`, nor a router of your own)"
        )));
    }
    Ok(())
}

/// Clause: only `PATCH` edits; the other methods on `/posts/{id}`, and `PATCH /posts`, stay 405.
pub async fn edits_with_patch_only<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let change = json!({"title": "changed", "body": "changed"});
    // With a patch's body, and with none at all, to an id and to what is no id: the method is
    // refused before anything reads the path or the body.
    let asks = ["PUT", "POST", "DELETE"].into_iter().flat_map(|method| {
        [
            Ask::json(method, "/posts/5", &change),
            Ask::bare(method, "/posts/1"),
            Ask::bare(method, "/posts/abc"),
        ]
    });
    let reference = reference_app();
    for ask in asks {
        let answer = send_then_store_is(
            &served,
            &ask,
            &posts(),
            "Only `PATCH /posts/{id}` edits a post: route `patch(..)` alone",
        )
        .await?;
        if answer.status != StatusCode::METHOD_NOT_ALLOWED {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}: only `PATCH` edits a post, and other methods \
                 on `/posts/{{id}}` stay `405 Method Not Allowed` (route `patch(..)` alone)"
            )));
        }
        // A 405 says which methods the path takes: those of the route, `PATCH` added to what
        // it had, as axum writes them for a `patch(..)` added to the route.
        let expected = send(&reference, &ask).await?;
        if answer.allow != expected.allow {
            let shown = |allow: &Option<String>| {
                allow
                    .as_ref()
                    .map_or("no `Allow`".to_owned(), |allow| format!("`Allow: {allow}`"))
            };
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {} with {}, where the contract's answer has {}: a 405 \
                 lists the methods the path takes, `GET` and `HEAD` as before and `PATCH` \
                 added, and no other (route `patch(..)` alone, and let axum answer the other \
                 methods)",
                answer.status.as_u16(),
                shown(&answer.allow),
                shown(&expected.allow)
            )));
        }
    }
    // A `POST` that says it means `PATCH`, as HTML forms do through some frameworks: still a
    // `POST`, and still a 405.
    let ask = Ask::json("POST", "/posts/5", &change).with_header("x-http-method-override", "PATCH");
    let answer = send_then_store_is(
        &served,
        &ask,
        &posts(),
        "Only `PATCH /posts/{id}` edits a post: route `patch(..)` alone",
    )
    .await?;
    if answer.status != StatusCode::METHOD_NOT_ALLOWED {
        return Err(EXERCISE.fail(&format!(
            "`{ask}` was answered {answer}: only a request whose method is `PATCH` edits a post; \
             a header that names another method changes nothing, and a `POST` to \
             `/posts/{{id}}` stays `405 Method Not Allowed`"
        )));
    }
    let ask = Ask::patch("/posts", &change);
    let answer =
        send_then_store_is(&served, &ask, &posts(), "`PATCH /posts` names no post").await?;
    if answer.status != StatusCode::METHOD_NOT_ALLOWED {
        return Err(EXERCISE.fail(&format!(
            "`{ask}` was answered {answer}: the route is `PATCH /posts/{{id}}`; `/posts` (the \
             list) has no `PATCH`, so it stays `405 Method Not Allowed`"
        )));
    }
    Ok(())
}

/// Clause: 200 with the whole post after the change, as JSON; absent or `null` fields kept.
pub async fn answers_with_the_whole_post_after_the_change<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let cases = [
        (
            5,
            json!({"title": "a new title"}),
            changed(5, |post| post.title = "a new title".into()),
        ),
        // Sent with a `charset`, as many clients do: still JSON.
        (
            13,
            json!({"body": "a new body"}),
            changed(13, |post| post.body = "a new body".into()),
        ),
        (
            2,
            json!({"body": "both, body first", "title": "both"}),
            changed(2, |post| {
                post.title = "both".into();
                post.body = "both, body first".into();
            }),
        ),
        (3, json!({}), changed(3, |_| {})),
        (
            8,
            json!({"title": null, "body": "a null title"}),
            changed(8, |post| {
                post.body = "a null title".into();
            }),
        ),
        (
            1,
            json!({"title": "  kept as sent  "}),
            changed(1, |post| {
                post.title = "  kept as sent  ".into();
            }),
        ),
        // A zero-width space is no white space to `str::trim`: a title, kept as sent.
        (
            5,
            json!({"title": "\u{200b}"}),
            changed(5, |post| post.title = "\u{200b}".into()),
        ),
        // No length limit but the app's body limit: a title that fills it is a title.
        (
            8,
            json!({"title": long_text("a long title", limits().body - r#"{"title":""}"#.len())}),
            changed(8, |post| {
                post.title = long_text("a long title", limits().body - r#"{"title":""}"#.len())
            }),
        ),
        // A byte-order mark is no white space to `str::trim`: a title, kept as sent.
        (
            1,
            json!({"title": "\u{feff}"}),
            changed(1, |post| post.title = "\u{feff}".into()),
        ),
        // Control characters that are not white space (ESC, DEL): kept as sent.
        (
            13,
            json!({"title": "\u{1b}[1mbold\u{1b}[0m\u{7f}"}),
            changed(13, |post| {
                post.title = "\u{1b}[1mbold\u{1b}[0m\u{7f}".into()
            }),
        ),
        // Characters HTML escapes: stored and answered as sent (JSON is not HTML).
        (
            2,
            json!({"title": "Tom & Jerry <\"quoted\"> it's"}),
            changed(2, |post| {
                post.title = "Tom & Jerry <\"quoted\"> it's".into()
            }),
        ),
        // A line break in the title and a NUL in the body: stored as sent.
        (
            5,
            json!({"title": "one\ntwo", "body": "a\u{0}b"}),
            changed(5, |post| {
                post.title = "one\ntwo".into();
                post.body = "a\u{0}b".into();
            }),
        ),
        // Only the title may not be blank: an empty body is a body.
        (
            2,
            json!({"body": "", "title": "an empty body is fine"}),
            changed(2, |post| {
                post.title = "an empty body is fine".into();
                post.body = String::new();
            }),
        ),
        // A patch of exactly the app's limit of 16 KiB: a limit of the route's own (or a cap on
        // the body's length) refuses it.
        (
            3,
            json!({"body": long_text("a long body", limits().body - r#"{"body":""}"#.len())}),
            changed(3, |post| {
                post.body = long_text("a long body", limits().body - r#"{"body":""}"#.len())
            }),
        ),
        // A title whose 40th byte falls inside a character: cutting it by bytes panics.
        (
            13,
            json!({"title": format!("a{}", "é".repeat(30))}),
            changed(13, |post| post.title = format!("a{}", "é".repeat(30))),
        ),
    ];
    for (id, patch, expected) in cases {
        // Each case on a fresh app, so that each answer shows one patch.
        let served = serve(candidate).await?;
        let content_type = if id == 13 {
            "application/json; charset=utf-8"
        } else {
            "application/json"
        };
        let ask = Ask::raw(
            "PATCH",
            &format!("/posts/{id}"),
            Some(content_type),
            &patch.to_string(),
        );
        let answer = send(&served, &ask).await?;
        let want = post_json(&expected);
        if answer.status != StatusCode::OK {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}: a patch of a post that exists, sent as JSON \
                 (`Content-Type: {content_type}`), is `200 OK`, with the whole post after the \
                 change as its body"
            )));
        }
        if !answer.content_type.as_deref().is_some_and(is_json_type) {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer} with `Content-Type: {}`: the post is sent as \
                 JSON, `Content-Type: application/json`, as `Json(post)` sends it",
                answer.content_type.as_deref().unwrap_or("(none)")
            )));
        }
        if answer.json.as_ref() != Some(&want) {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}; the answer is the whole post after the change, \
                 as `GET /posts/{id}` shows it: {want} (a field that is absent or `null` keeps \
                 its value; a title is kept as sent)"
            )));
        }
    }
    // Other names of JSON that the `Json` extractor takes: the type of RFC 7396's merge patch,
    // and `application/json` in capitals (a media type's name is case-insensitive).
    for content_type in ["application/merge-patch+json", "Application/JSON"] {
        let served = serve(candidate).await?;
        let ask = Ask::raw(
            "PATCH",
            "/posts/5",
            Some(content_type),
            r#"{"title": "sent as another JSON type"}"#,
        );
        let answer = send(&served, &ask).await?;
        let want = post_json(&changed(5, |post| {
            post.title = "sent as another JSON type".into();
        }));
        if answer.status != StatusCode::OK || answer.json.as_ref() != Some(&want) {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}: `{content_type}` is JSON to the `Json` \
                 extractor, so the patch is applied and answered `200 OK` with {want} (leave \
                 the `Content-Type` to `Json<..>`)"
            )));
        }
    }
    // Asked for by a client that would rather have HTML, as a browser's form asks, or no body
    // at all (`Prefer: return=minimal`): the API answers as `GET /posts/{id}` does.
    for (name, value) in [("accept", "text/html"), ("prefer", "return=minimal")] {
        let served = serve(candidate).await?;
        let ask = Ask::patch("/posts/1", &json!({"title": "asked as a browser asks"}))
            .with_header(name, value);
        let answer = send(&served, &ask).await?;
        let want = post_json(&changed(1, |post| {
            post.title = "asked as a browser asks".into();
        }));
        if answer.status != StatusCode::OK || answer.json.as_ref() != Some(&want) {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}: the API answers `200 OK` with the post as JSON \
             whatever the request's `Accept` or `Prefer` says, as `GET /posts/{{id}}` does: {want}"
            )));
        }
    }
    Ok(())
}

/// Clause: the change is kept (later requests see it) and no other post changes.
pub async fn keeps_the_change_and_nothing_else<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let rule = "The change is kept in the store (`state.store()`, changed in place), later \
                requests see it, and no other post changes";
    let first = Ask::patch("/posts/8", &json!({"title": "eight, changed"}));
    let expected = posts_with(8, |post| post.title = "eight, changed".into());
    send_then_store_is(&served, &first, &expected, rule).await?;
    let second = Ask::patch("/posts/8", &json!({"body": "and its body too"}));
    let expected = posts_with(8, |post| {
        post.title = "eight, changed".into();
        post.body = "and its body too".into();
    });
    send_then_store_is(&served, &second, &expected, rule).await?;
    let ask = Ask::get("/posts/8");
    let answer = send(&served, &ask).await?;
    let want = post_json(&expected[4]);
    if answer.json.as_ref() != Some(&want) {
        return Err(EXERCISE.fail(&format!(
            "after two patches of post 8, `{ask}` was answered {answer} where it should show \
             {want}. {rule}"
        )));
    }
    Ok(())
}

/// Clause: each patch is answered on its own. A patch of post 8 whose body stops halfway (the
/// rest comes only once the check says so), and meanwhile a good patch of post 5: the second is
/// answered 200 at once, as the reference answers it (a gate of one's own that lets one edit in
/// at a time, held while a body arrives, makes it wait or turns it away); then the first one's
/// rest comes, and it is answered 200 too.
pub async fn a_patch_beside_a_slow_one_is_answered<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    beside_slow_ones(candidate, 5, 1).await?;
    // Then the quick patch is of post 8 too: it is applied at once, and the slow one when its
    // body is in, last, so post 8 keeps the slow one's title (a patch overtaken by a later one
    // of the same post, answered 200 but not applied, fails).
    beside_slow_ones(candidate, 8, 1).await?;
    // Then 13 slow patches at once beside the quick one: a body on its way holds nothing, so a
    // pool of "edit slots" taken before the body is read (and turning a request away, or making
    // it wait, when none is free) fails.
    beside_slow_ones(candidate, 5, 13).await?;
    // Then two whole patches of one post at once, each of them first in turn.
    two_patches_of_one_post_at_once(candidate, true).await?;
    two_patches_of_one_post_at_once(candidate, false).await?;
    a_body_slow_within_the_apps_limit(candidate).await?;
    a_patch_ended_by_the_apps_limit_changes_nothing(candidate).await?;
    patches_cut_off_leave_nothing_behind(candidate).await
}

/// A patch of post 8 whose body stops halfway past the app's time limit (on a clock the check
/// moves on), answered 408 by the app; then the rest of its body is sent: post 8 is left as it
/// was (a handler that hands the request to a task of its own, which reads the body and edits
/// after the app has answered, fails).
async fn a_patch_ended_by_the_apps_limit_changes_nothing<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let (release, slow_one) = slow_patch(&served)?;
    // The patch reaches its handler and waits there for the rest of its body; then the clock
    // moves past the app's limit, paused only meanwhile.
    tokio::time::sleep(Duration::from_millis(50)).await;
    tokio::time::pause();
    tokio::time::advance(limits().timeout + Duration::from_secs(1)).await;
    tokio::time::resume();
    let (status, _) = slow_answer(slow_one).await?;
    // The rest of the body, once the app has answered; then time for anything still reading it.
    let _ = release.send(());
    tokio::time::sleep(Duration::from_millis(200)).await;
    if status != Some(StatusCode::REQUEST_TIMEOUT) {
        let status = status.map_or("nothing".to_owned(), |status| status.as_u16().to_string());
        return Err(EXERCISE.fail(&format!(
            "a patch of post 8 whose body stopped halfway for {} s (by a clock the check moved \
             on), past the app's own time limit of {} s, was answered {status}; expected the \
             app's 408: a request whose body is not in within the app's limits is the app's to \
             answer (no time limit of your own, and nothing that outlives the app's)",
            (limits().timeout + Duration::from_secs(1)).as_secs(),
            limits().timeout.as_secs(),
        )));
    }
    if let Some(difference) = store_difference(&served, &posts()) {
        return Err(EXERCISE.fail(&format!(
            "a patch of post 8, `{{\"title\": \"sent slowly\"}}`, whose body stopped halfway \
             past the app's own time limit of {} s (by a clock the check moved on), was answered \
             408 by the app; then the rest of its body was sent, and {difference}: a patch the \
             app's time limit has ended changes nothing, whenever the rest of its body comes",
            limits().timeout.as_secs(),
        )));
    }
    Ok(())
}

/// How many patches [`patches_cut_off_leave_nothing_behind`] cuts off.
const CUT_OFF: usize = 100;

/// [`CUT_OFF`] patches of post 8 whose bodies stop halfway, all dropped by their client before
/// the rest is sent; then a good patch of post 5: answered 200 and applied (a count of patches
/// in progress raised on the way in and lowered only once the answer is made, which a request
/// cut off never reaches, fails: it grows with each one, up to a limit of one's own).
async fn patches_cut_off_leave_nothing_behind<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let mut cut_off = Vec::with_capacity(CUT_OFF);
    for _ in 0..CUT_OFF {
        cut_off.push(slow_patch(&served)?);
    }
    // Every patch reaches its handler and waits there for the rest of its body; then each is
    // dropped, as a client that goes away drops its request, and the rest never comes.
    tokio::time::sleep(Duration::from_millis(100)).await;
    for (release, slow_one) in cut_off {
        slow_one.abort();
        let _ = slow_one.await;
        drop(release);
    }
    let ask = Ask::patch("/posts/5", &json!({"title": "after the cut-off ones"}));
    let answer = send(&served, &ask).await?;
    let expected = posts_with(5, |post| post.title = "after the cut-off ones".to_owned());
    let want = post_json(&expected[3]);
    if answer.status != StatusCode::OK || answer.json.as_ref() != Some(&want) {
        return Err(EXERCISE.fail(&format!(
            "{CUT_OFF} patches of post 8 whose bodies stopped halfway were dropped by their \
             client before the rest came (a client that goes away); then `{ask}` was answered \
             {answer}, where it should be 200 with {want}: a request cut off leaves nothing \
             behind, and the patches after it are answered as if it had never come"
        )));
    }
    if let Some(difference) = store_difference(&served, &expected) {
        return Err(EXERCISE.fail(&format!(
            "{CUT_OFF} patches of post 8 whose bodies stopped halfway were dropped by their \
             client before the rest came; then `{ask}` was answered 200, and {difference}: a \
             request cut off changes nothing"
        )));
    }
    Ok(())
}

/// A patch of post 8 whose body stops in the middle of a character for all but 2 s of the app's
/// own time limit (here 30 s, three times the usual), on a clock that the check moves on:
/// answered 200 and applied, as every patch is whose body comes within the app's limits (a
/// time limit of one's own on the handler or on its body, of any length below the app's, even
/// the app's usual 10 s, fails; so does a body's piece decoded as UTF-8 on its own).
async fn a_body_slow_within_the_apps_limit<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    // The app given three times its usual time limit: a limit of one's own, even one that
    // copies the app's usual 10 s, ends the request before the app's does.
    let limits = Limits {
        timeout: limits().timeout * 3,
        ..limits()
    };
    let served = serve_within(candidate, posts(), limits).await?;
    // Two seconds short of the limit: what the answer does once the rest is in has real time.
    let held = limits.timeout - Duration::from_secs(2);
    // The body stops in the middle of a character (the first two of the four bytes of U+1D11E):
    // the pieces of a body are bytes, and only the whole body need be UTF-8.
    let body = format!("{{\"title\": \"{SLOW_TITLE}\"}}").into_bytes();
    let (first, rest) = body.split_at(body.len() - 4);
    let (release, slow_one) = slow_patch_in(&served, first.to_vec(), rest.to_vec())?;
    // The patch reaches its handler and waits there for the rest of its body.
    tokio::time::sleep(Duration::from_millis(50)).await;
    // Then the clock moves on, paused only meanwhile (an answer that waits for a thread or
    // runtime of its own once the body is in would see a paused clock jump to the app's limit).
    // The check's runtime has one thread, and nothing else on it needs the real time meanwhile.
    tokio::time::pause();
    tokio::time::advance(held).await;
    tokio::time::resume();
    // Whatever a timer that ran out does is done before the rest is sent.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let _ = release.send(());
    let (status, title) = slow_answer(slow_one).await?;
    let stored = store_of(&served)
        .into_iter()
        .find(|post| post.id == 8)
        .map(|post| post.title);
    if status == Some(StatusCode::OK)
        && title.as_deref() == Some(SLOW_TITLE)
        && stored.as_deref() == Some(SLOW_TITLE)
    {
        return Ok(());
    }
    let status = status.map_or("nothing".to_owned(), |status| status.as_u16().to_string());
    Err(EXERCISE.fail(&format!(
        "a patch of post 8, `{{\"title\": {SLOW_TITLE:?}}}`, whose body stopped in the middle of \
         its last character (after its first {} bytes) for {} s (by a clock the check moved on), \
         within the app's own time limit of {} s, was answered {status} once the rest came, with \
         the title {title:?}, and post 8's title is now {stored:?}: a patch whose body comes \
         within the app's limits (`lesson_12::app`'s layers, here given {} s) is answered 200 \
         and applied, however slowly it comes and wherever its pieces break (no time limit of \
         your own on a request or its body)",
        first.len(),
        held.as_secs(),
        limits.timeout.as_secs(),
        limits.timeout.as_secs(),
    )))
}

/// The title of the patch [`a_body_slow_within_the_apps_limit`] sends, ending in a character of
/// four bytes (and needing no escape in JSON).
const SLOW_TITLE: &str = "sent slowly, \u{1d11e}";

/// Two whole patches of post 8 sent at once (joined, `both` started first when `both_first`),
/// `both` changing its title and body and `body` its body alone: each answered 200 with the post
/// after its own change (as it was then, or once both are in), applied one after the other, in
/// either order (an edit made on a copy written back after an `.await`, or its fields set one at
/// a time with an `.await` between, fails).
async fn two_patches_of_one_post_at_once<F>(candidate: &F, both_first: bool) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let both = Ask::patch(
        "/posts/8",
        &json!({"title": "both at once", "body": "both at once"}),
    );
    let body = Ask::patch("/posts/8", &json!({"body": "the body at once"}));
    let (both_answer, body_answer) = if both_first {
        tokio::join!(send(&served, &both), send(&served, &body))
    } else {
        let (body_answer, both_answer) = tokio::join!(send(&served, &body), send(&served, &both));
        (both_answer, body_answer)
    };
    let (both_answer, body_answer) = (both_answer?, body_answer?);
    let both_changed = |post: &mut Post| {
        post.title = "both at once".to_owned();
        post.body = "both at once".to_owned();
    };
    let body_changed = |post: &mut Post| post.body = "the body at once".to_owned();
    // `both` then `body`, or `body` then `both`: each answer, and the post once both are in.
    let both_then_body = changed(8, |post| {
        both_changed(post);
        body_changed(post);
    });
    let body_then_both = changed(8, |post| {
        body_changed(post);
        both_changed(post);
    });
    let orders = [
        (
            changed(8, both_changed),
            both_then_body.clone(),
            both_then_body,
        ),
        (
            body_then_both.clone(),
            changed(8, body_changed),
            body_then_both,
        ),
    ];
    let stored = store_of(&served).into_iter().find(|post| post.id == 8);
    let ok = [&both_answer, &body_answer]
        .iter()
        .all(|answer| answer.status == StatusCode::OK);
    // Each answer shows the post after its own change: as it was then, or as it is once both
    // are in (patches applied together, as a group commit does, are answered with the post
    // after both).
    let in_order = orders.iter().any(|(after_both, after_body, last)| {
        let shows = |answer: &Answer, after: &Post| {
            answer.json.as_ref() == Some(&post_json(after))
                || answer.json.as_ref() == Some(&post_json(last))
        };
        shows(&both_answer, after_both)
            && shows(&body_answer, after_body)
            && stored.as_ref() == Some(last)
    });
    if ok && in_order {
        return Ok(());
    }
    let stored = stored.map_or("no post 8".to_owned(), |post| post_json(&post).to_string());
    Err(EXERCISE.fail(&format!(
        "`{both}` and `{body}` sent at once (joined, {} started first) were answered {both_answer} \
         and {body_answer}, and post 8 is now {stored}: each patch is answered 200 with the post \
         after its own change, and the two are applied one after the other, in either order \
         (no change made on a copy and written back after an `.await`, no field set at one \
         time and another after an `.await`)",
        if both_first {
            "the first"
        } else {
            "the second"
        }
    )))
}

/// A slow patch on its way: its task's outcome is the router's answer, or the check's message
/// if the call panicked.
type SlowOne = tokio::task::JoinHandle<
    Result<Result<axum::response::Response, std::convert::Infallible>, String>,
>;

/// A patch of post 8, `{"title": "sent slowly"}`, whose body stops halfway until the returned
/// sender is used (or dropped), sent to `served` on a task of its own.
fn slow_patch(served: &Served) -> Result<(tokio::sync::oneshot::Sender<()>, SlowOne), String> {
    slow_patch_in(
        served,
        br#"{"title": "sent slow"#.to_vec(),
        br#"ly"}"#.to_vec(),
    )
}

/// The same slow patch of post 8, its body sent as `first` and, once released, `rest`.
fn slow_patch_in(
    served: &Served,
    first: Vec<u8>,
    rest: Vec<u8>,
) -> Result<(tokio::sync::oneshot::Sender<()>, SlowOne), String> {
    use futures::StreamExt;

    let (release, released) = tokio::sync::oneshot::channel::<()>();
    let pieces = futures::stream::iter([Ok::<_, std::io::Error>(first)]).chain(
        futures::stream::once(async move {
            let _ = released.await;
            Ok(rest)
        }),
    );
    let request = Request::builder()
        .method("PATCH")
        .uri("/posts/8")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from_stream(pieces))
        .map_err(|err| format!("the check could not build its request: {err}"))?;
    let slow_one = tokio::spawn(EXERCISE.run(served.app.clone().oneshot(request)));
    Ok((release, slow_one))
}

/// A slow patch's status and the title its answer shows, or `(None, None)` if it had no answer
/// within 2 s.
async fn slow_answer(slow_one: SlowOne) -> Result<(Option<StatusCode>, Option<String>), String> {
    let Ok(Ok(outcome)) = tokio::time::timeout(Duration::from_secs(2), slow_one).await else {
        return Ok((None, None));
    };
    let Ok(response) = outcome?;
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap_or_default();
    let title = serde_json::from_slice::<Value>(&bytes)
        .ok()
        .and_then(|post| post.get("title").and_then(Value::as_str).map(str::to_owned));
    Ok((Some(status), title))
}

/// `slow` patches of post 8 whose bodies stop halfway, and meanwhile a good patch of post
/// `quick`: see [`a_patch_beside_a_slow_one_is_answered`].
async fn beside_slow_ones<F>(candidate: &F, quick: u64, slow: usize) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let mut releases = Vec::new();
    let mut slow_ones = Vec::new();
    for _ in 0..slow {
        let (release, slow_one) = slow_patch(&served)?;
        releases.push(release);
        slow_ones.push(slow_one);
    }
    let patches = if slow == 1 {
        "a patch of post 8 was still sending its body".to_owned()
    } else {
        format!("{slow} patches of post 8 were still sending their bodies")
    };
    // Long enough for the slow patches to reach their handler and wait there for the rest.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let ask = Ask::patch(
        &format!("/posts/{quick}"),
        &json!({"title": "beside a slow one"}),
    );
    let reference = reference_app();
    let expected = send(&reference, &ask).await?;
    let answer = tokio::time::timeout(Duration::from_secs(2), send(&served, &ask)).await;
    for release in releases {
        let _ = release.send(());
    }
    // Each slow patch's status and title, or `None` if it had no answer within 2 s.
    let mut slow_answers = Vec::new();
    for slow_one in slow_ones {
        slow_answers.push(slow_answer(slow_one).await?);
    }
    let slow_all_ok = slow_answers
        .iter()
        .all(|(status, _)| *status == Some(StatusCode::OK));
    let slow_titles_ok = slow_answers
        .iter()
        .all(|(_, title)| title.as_deref() == Some("sent slowly"));
    let store = store_of(&served);
    let post = |id: u64| {
        store
            .iter()
            .find(|post| post.id == id)
            .map(|post| post.title.clone())
    };
    // The slow patches are applied last: on post 8, their title is the one that stays.
    let kept = post(8).as_deref() == Some("sent slowly")
        && (quick == 8 || post(quick).as_deref() == Some("beside a slow one"))
        && slow_titles_ok;
    let shown = match &answer {
        Ok(Ok(answer)) if agrees(answer, &expected) && slow_all_ok && kept => {
            return Ok(());
        }
        Ok(Ok(answer)) if agrees(answer, &expected) && slow_all_ok => {
            let titles = if quick == 8 {
                format!(
                    "{:?} for post 8, where it should be \"sent slowly\"",
                    post(8)
                )
            } else {
                format!(
                    "{:?} for post 8 and {:?} for post {quick}, where they should be \"sent \
                     slowly\" and \"beside a slow one\"",
                    post(8),
                    post(quick)
                )
            };
            let slow_titles: Vec<Option<String>> =
                slow_answers.into_iter().map(|(_, title)| title).collect();
            return Err(EXERCISE.fail(&format!(
                "while {patches}, `{ask}` was answered as the contract \
                 says, and the slow ones 200 with the titles {slow_titles:?}; but the titles \
                 are now {titles}: each request edits the post its own path names when its \
                 body is in, and answers with the post after its change, whatever another \
                 request is doing (nothing of a request kept where another can change it, such \
                 as a `thread_local!`; no patch skipped because a later one of the same post \
                 was applied first)"
            )));
        }
        Ok(Ok(answer)) => answer.to_string(),
        Ok(Err(message)) => return Err(message.clone()),
        Err(_) => "nothing within 2 s".to_owned(),
    };
    let slow_statuses: Vec<String> = slow_answers
        .iter()
        .map(|(status, _)| {
            status.map_or("nothing within 2 s".to_owned(), |status| {
                status.as_u16().to_string()
            })
        })
        .collect();
    Err(EXERCISE.fail(&format!(
        "while {patches}, `{ask}` was answered {shown}, where the \
         contract's answer is {expected}; once the slow bodies were in, their patches were \
         answered {slow_statuses:?}; expected all answered 200, each as it comes: a patch is \
         answered on its own, whatever another request is doing (no gate or pool of your own \
         that a request holds while its body arrives)"
    )))
}

/// Clause: any other field (`id`, `userId`, …) is ignored: a post's id and author never change.
pub async fn never_changes_the_id_or_the_author<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    // Other fields of the post's own names, then of types a post never has: ignored, whatever
    // they hold (a patch struct that types `id` or `userId` refuses the second with a 422).
    for (patch, title) in [
        (
            json!({"id": 99, "title": "renamed", "userId": 7, "extra": [1]}),
            "renamed",
        ),
        (
            json!({"userId": "alice", "id": -1, "title": "renamed again", "extra": null, "content": "not a field of a post"}),
            "renamed again",
        ),
        // The fields' names in other cases are other fields.
        (
            json!({"Title": "not a field of a post", "Body": "nor this", "BODY": "nor this"}),
            "renamed again",
        ),
    ] {
        let ask = Ask::patch("/posts/5", &patch);
        let expected = posts_with(5, |post| post.title = title.into());
        let answer = send_then_store_is(
            &served,
            &ask,
            &expected,
            "Fields other than `title` and `body` are ignored (not refused), whatever they hold: a post's id and author never change",
        )
        .await?;
        let want = post_json(&expected[3]);
        if answer.status != StatusCode::OK || answer.json.as_ref() != Some(&want) {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}, where it should be 200 with {want}: fields \
                 other than `title` and `body` are ignored (not refused), whatever they hold, \
                 and a post's id and author never change"
            )));
        }
    }
    Ok(())
}

/// Clause: a whole number that is no post's id: 404 with `ApiError::NotFound(id)`'s body.
pub async fn a_post_that_is_not_there_is_a_404<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    // The id as the path writes it, and the number it is: `0004` and `+4` are post 4 too.
    for (written, id) in [
        ("4", 4_u64),
        ("0", 0),
        ("5000000000", 5_000_000_000),
        ("0004", 4),
        ("+4", 4),
    ] {
        let ask = Ask::patch(&format!("/posts/{written}"), &json!({"title": "not there"}));
        let answer = send_then_store_is(
            &served,
            &ask,
            &posts(),
            "A patch of a post that is not there changes nothing and creates nothing",
        )
        .await?;
        let want = error_body(&format!("no post {id}"));
        if answer.status != StatusCode::NOT_FOUND || answer.json.as_ref() != Some(&want) {
            // A note only where it names what went wrong: a 404 whose error repeats the path's
            // text, or a 400 from a path extractor that refused a whole number.
            let why = if answer.status == StatusCode::NOT_FOUND && written != id.to_string() {
                " (the error names the number the path's id is, not the text it was written as)"
            } else if answer.status == StatusCode::BAD_REQUEST {
                " (any whole number is an id, however the path writes it: the path's id is a \
                 `u64`, as `GET /posts/{id}` reads it)"
            } else {
                ""
            };
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}: there is no post {id}, so the answer is `404` \
                 with the body `ApiError::NotFound({id})` gives, {want}{why}"
            )));
        }
    }
    Ok(())
}

/// Clause: a blank title: 422 with `check_title`'s body, and the post left exactly as it was.
pub async fn a_blank_title_is_a_422_that_changes_nothing<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let bodies = [
        r#"{"body": "not applied", "title": ""}"#,
        r#"{"title": "   ", "body": "not applied either"}"#,
        r#"{"body": "nor this", "title": " \t\n"}"#,
        // White space that is not ASCII: an ideographic space and a no-break space.
        r#"{"title": "\u3000\u00a0", "body": "nor this one"}"#,
    ];
    for body in bodies {
        let ask = Ask::raw("PATCH", "/posts/13", Some("application/json"), body);
        // The answer first: a title taken as a title changes the post, and that is not the
        // rule a learner needs to read about.
        let answer = send(&served, &ask).await?;
        let want = error_body("a post's title cannot be empty");
        if answer.status != StatusCode::UNPROCESSABLE_ENTITY || answer.json.as_ref() != Some(&want)
        {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}: a title that is empty or only white space (any \
                 Unicode white space, as `str::trim` sees it) is `422` with the body \
                 `lesson_12::check_title` gives, {want}"
            )));
        }
        if let Some(difference) = store_difference(&served, &posts()) {
            return Err(EXERCISE.fail(&format!(
                "after `{ask}` (answered {answer}), {difference}. A patch with a blank title is \
                 refused whole: the post is left exactly as it was, its `body` too (check every \
                 field first, then change)"
            )));
        }
    }
    // The rule is about the title a patch sends: a post stored with a blank title (imported
    // before the rule, say) still takes a patch of its body.
    let mut stored = posts();
    stored.push(Post {
        user_id: 9,
        id: 21,
        title: " ".to_owned(),
        body: "imported with no title".to_owned(),
    });
    let served = serve_with(candidate, stored.clone()).await?;
    let ask = Ask::json("PATCH", "/posts/21", &json!({"body": "a body for it"}));
    let answer = send(&served, &ask).await?;
    let mut want = stored.pop().ok_or("the check's posts are missing")?;
    want.body = "a body for it".to_owned();
    if answer.status != StatusCode::OK || answer.json.as_ref() != Some(&post_json(&want)) {
        return Err(EXERCISE.fail(&format!(
            "post 21 is stored with the title \" \"; `{ask}` was answered {answer}: the 422 \
             is for a `title` the patch sends that is blank; a patch without a title keeps the \
             post's title as it is, and is `200 OK` with the post after the change, {}",
            post_json(&want)
        )));
    }
    // The same blank title sent again: still a blank title, refused, though nothing would
    // change it.
    let ask = Ask::json(
        "PATCH",
        "/posts/21",
        &json!({"title": " ", "body": "not applied"}),
    );
    let answer = send(&served, &ask).await?;
    let refused = error_body("a post's title cannot be empty");
    if answer.status != StatusCode::UNPROCESSABLE_ENTITY || answer.json.as_ref() != Some(&refused) {
        return Err(EXERCISE.fail(&format!(
            "post 21 is stored with the title \" \"; `{ask}` was answered {answer}: a title \
             that is empty or only white space is `422` with {refused}, whatever the post holds \
             now (the title sent is checked, even when it is the one stored)"
        )));
    }
    if store_of(&served).iter().find(|post| post.id == 21) != Some(&want) {
        return Err(EXERCISE.fail(&format!(
            "after `{ask}` (answered {answer}), post 21 changed: a patch with a blank title is \
             refused whole, its `body` too"
        )));
    }
    Ok(())
}

/// Clause: a request the extractors refuse is that extractor's answer, and changes nothing.
pub async fn a_request_the_extractors_refuse_changes_nothing<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let served = serve(candidate).await?;
    let good = r#"{"title": "would be fine"}"#;
    let json = Some("application/json");
    let huge = json!({"body": "x".repeat(limits().body)}).to_string();
    let cases = [
        (
            Ask::raw("PATCH", "/posts/abc", json, good),
            400,
            "an id that is not a whole number",
        ),
        (
            Ask::raw("PATCH", "/posts/-1", json, good),
            400,
            "an id that is not a whole number",
        ),
        (
            Ask::raw("PATCH", "/posts/5", None, good),
            415,
            "a body without `Content-Type: application/json`",
        ),
        (
            Ask::raw("PATCH", "/posts/5", Some("text/plain"), good),
            415,
            "a body without `Content-Type: application/json`",
        ),
        // A type whose name only starts like JSON's.
        (
            Ask::raw("PATCH", "/posts/5", Some("application/jsonp"), good),
            415,
            "a body without `Content-Type: application/json`",
        ),
        (
            Ask::raw(
                "PATCH",
                "/posts/5",
                Some("application/x-www-form-urlencoded"),
                good,
            ),
            415,
            "a body without `Content-Type: application/json`",
        ),
        (
            Ask::raw("PATCH", "/posts/5", json, r#"{"title": "#),
            400,
            "a body that is not JSON",
        ),
        (
            Ask::raw("PATCH", "/posts/5", json, ""),
            400,
            "a body that is not JSON",
        ),
        (
            Ask::raw("PATCH", "/posts/5", None, ""),
            415,
            "a body without `Content-Type: application/json`",
        ),
        (
            Ask::raw("PATCH", "/posts/5", json, r#"{"title": 5}"#),
            422,
            "JSON of another shape",
        ),
        // One field right and one wrong: refused whole, the right one not applied either.
        (
            Ask::raw("PATCH", "/posts/5", json, r#"{"title": "new", "body": 5}"#),
            422,
            "JSON of another shape",
        ),
        // Refused by the extractor before any handler could look for post 4.
        (
            Ask::raw("PATCH", "/posts/4", json, r#"{"title": 5}"#),
            422,
            "JSON of another shape",
        ),
        (
            Ask::raw("PATCH", "/posts/5", json, "[]"),
            422,
            "JSON of another shape",
        ),
        (
            Ask::raw("PATCH", "/posts/5", json, r#""text""#),
            422,
            "JSON of another shape",
        ),
        (
            Ask::raw("PATCH", "/posts/5", json, "null"),
            422,
            "JSON of another shape",
        ),
        (
            Ask::raw("PATCH", "/posts/5", json, &huge),
            413,
            "a body over the app's size limit",
        ),
    ];
    // Each body refusal, with the reference's answer to the same request: the texts are
    // compared below.
    let reference = reference_app();
    let mut refusals: Vec<(String, Answer, Answer)> = Vec::new();
    for (ask, status, what) in cases {
        let answer = send_then_store_is(
            &served,
            &ask,
            &posts(),
            "A request the extractors refuse changes nothing",
        )
        .await?;
        let is_error_json = answer
            .json
            .as_ref()
            .is_some_and(|body| body.get("error").is_some_and(Value::is_string));
        if answer.status.as_u16() != status || !is_error_json {
            return Err(EXERCISE.fail(&format!(
                "`{ask}` was answered {answer}: {what} is refused by the extractor that reads \
                 it, with its own status, {status}, and a JSON error body (take the id with \
                 `Path<u64>` and the body with `Json<..>` of a struct of the fields a patch may \
                 have, as the lesson's handlers do)"
            )));
        }
        // How an id's refusal is worded is not in the contract; a body's is the `Json`
        // extractor's own.
        if what != "an id that is not a whole number" {
            let expected = send(&reference, &ask).await?;
            refusals.push((ask.to_string(), answer, expected));
        }
    }
    // The extractor's answer says what was wrong with the request it refuses: two bodies that
    // are not JSON, which `Json` words differently, are not answered with one text (an answer
    // built once and kept for every later refusal of its kind fails). Only the 400s: a body of
    // another shape may be read as a `Value` first and then as the patch, whose refusal names
    // no field.
    for (index, (first, answer, expected)) in refusals.iter().enumerate() {
        for (second, other, other_expected) in &refusals[index + 1..] {
            if answer.status == StatusCode::BAD_REQUEST
                && other.status == StatusCode::BAD_REQUEST
                && expected.text != other_expected.text
                && answer.text == other.text
            {
                return Err(EXERCISE.fail(&format!(
                    "`{first}` and `{second}` were both answered {answer}: a request the \
                     extractors refuse is that extractor's answer, which says what was wrong \
                     with that request (`Json` answers the first {expected} and the second \
                     {other_expected}); an answer kept from an earlier refusal describes \
                     another request"
                )));
            }
        }
    }
    Ok(())
}

/// Every clause at once: seeded requests, each answer and the store compared with the
/// reference's.
pub async fn agrees_with_the_reference_on_seeded_requests<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    for seed in [17_u64, 1_000_003, 424_242] {
        let served = serve(candidate).await?;
        let reference = reference_app();
        let mut rng = SeededRng::new(seed);
        for number in 1..=40 {
            let ask = seeded_ask(&mut rng, &store_of(&reference));
            let expected = send(&reference, &ask).await?;
            let answer = send(&served, &ask).await?;
            if !agrees(&answer, &expected) {
                return Err(EXERCISE.fail(&format!(
                    "seeded requests (seed {seed}), request {number}: `{ask}` was answered \
                     {answer}, where the contract's answer is {expected}"
                )));
            }
            if let Some(difference) = store_difference(&served, &store_of(&reference)) {
                return Err(EXERCISE.fail(&format!(
                    "seeded requests (seed {seed}), request {number}: after `{ask}` (answered \
                     {answer}), {difference}"
                )));
            }
        }
    }
    Ok(())
}

/// Whether `answer` is the contract's, `expected`: the same status; the same JSON for a 200, a
/// 404 and the API's own 422, labelled JSON (`application/json`, any parameters) as the
/// reference labels it; for an extractor's refusal, which words it in its own way, a JSON
/// error body; for an answer with no JSON, the same text.
fn agrees(answer: &Answer, expected: &Answer) -> bool {
    let labelled_json = |answer: &Answer| answer.content_type.as_deref().is_some_and(is_json_type);
    answer.status == expected.status
        && match expected.status {
            StatusCode::OK
            | StatusCode::CREATED
            | StatusCode::NOT_FOUND
            | StatusCode::UNPROCESSABLE_ENTITY
                if !is_extractor_text(expected) =>
            {
                answer.json == expected.json && labelled_json(answer) == labelled_json(expected)
            }
            _ if expected.json.is_none() => answer.text == expected.text,
            _ => match body_refusal(expected) {
                // The `Json` extractor's own refusal: its words for what was wrong, whatever
                // they say of this body.
                Some(kind) => error_text(answer).is_some_and(|text| text.starts_with(kind)),
                None => answer
                    .json
                    .as_ref()
                    .is_some_and(|body| body.get("error").is_some()),
            },
        }
}

/// How the `Json` extractor begins each of its refusals of a body that is not a patch's JSON:
/// not JSON (400), not labelled JSON (415), over the app's limit (413). (Its refusal of JSON of
/// another shape, 422, may also be worded by `serde_json` alone, as reading a `Value` first and
/// then the patch does.)
const BODY_REFUSALS: [&str; 3] = [
    "Failed to parse the request body as JSON",
    "Expected request with `Content-Type: application/json`",
    "Failed to buffer the request body",
];

/// Which of the `Json` extractor's refusals `answer` is, if it is one.
fn body_refusal(answer: &Answer) -> Option<&'static str> {
    let text = error_text(answer)?;
    BODY_REFUSALS
        .into_iter()
        .find(|kind| text.starts_with(kind))
}

/// The `error` text of a JSON error body.
fn error_text(answer: &Answer) -> Option<&str> {
    answer.json.as_ref()?.get("error")?.as_str()
}

/// Every clause at once, one thing changed at a time from a good patch of post 5: the method
/// and the path, the id, the `Content-Type`, the body, one header; then many patches in a row.
/// Each answer, and the store after it, is compared with the reference's.
pub async fn agrees_with_the_reference_one_change_at_a_time<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    // Not ASCII: a body decoded from another charset than UTF-8 changes it.
    let good = r#"{"title": "a good title, café"}"#;
    let json = Some("application/json");
    let mut asks = Vec::new();
    for method in [
        "GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS", "PATCH", "TRACE",
        // Methods are case-sensitive: `patch` is a method of its own, not `PATCH`.
        "patch",
        // A method of an extension (OData's `MERGE`): not `PATCH`, so it edits nothing.
        "MERGE",
    ] {
        // And paths under a post, which no route has: a route of one's own for a field of the
        // post, or for its history, turns their 404 into something else.
        for path in [
            "/posts/5",
            "/posts",
            "/posts/5/",
            "/posts/abc",
            "/posts/5/title",
            "/posts/5/revisions",
        ] {
            asks.push(Ask::raw(method, path, json, good));
        }
    }
    // Ids: not there, padded, signed, percent-encoded, past 2^53, at and past `u64::MAX`.
    for id in [
        "0",
        "1",
        "4",
        "13",
        "14",
        "05",
        "+5",
        "%35",
        "9007199254740993",
        "18446744073709551615",
        "18446744073709551616",
        "-0",
        "5.0",
        "5e0",
        "0x5",
        "%20",
        // The id with white space around it: not a number either.
        "%205",
        "5%20",
        "5%0A",
        "%095",
        // A full-width digit, and a path parameter as old Java clients add one: not ids either.
        "%EF%BC%95",
        "5;jsessionid=1",
        // A list of ids, and a format suffix: neither is an id.
        "5,8",
        "5.json",
        // An id with its title after it, as Rails writes `to_param`: not a number.
        "5-hello-world",
        // Leading zeros past 20 characters: still the whole number 5.
        "0000000000000000000005",
    ] {
        asks.push(Ask::raw("PATCH", &format!("/posts/{id}"), json, good));
    }
    // A query: not part of the contract, and no reason to answer otherwise or to keep nothing.
    // Each patch a title of its own, so that one not kept leaves the post unlike the reference's.
    for query in [
        "validateOnly=true",
        "dryRun=All",
        "fields=title",
        "title=other",
        // Post 5's author is user 2: a query is no filter on which posts a patch may reach.
        "userId=1",
        // Queries the lesson's `ListQuery` refuses (400 on `GET /posts`): nothing to a patch.
        "userId=two",
        "userId=",
        "userId=2&userId=3",
        // JSONP's callback, as json-server reads it: the answer is JSON all the same.
        "callback=show",
    ] {
        let patch = format!(r#"{{"title": "sent with ?{query}"}}"#);
        asks.push(Ask::raw(
            "PATCH",
            &format!("/posts/5?{query}"),
            json,
            &patch,
        ));
    }
    // A query that names a field, beside a patch that names none: the patch is the body alone.
    for query in ["title=from%20the%20query", "title="] {
        asks.push(Ask::raw("PATCH", &format!("/posts/5?{query}"), json, "{}"));
    }
    // Content types: what `Json` takes (`application/json` with any parameters, in any case, and
    // any `application/…+json`), and what it does not.
    for content_type in [
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "application/json; charset=utf8",
        "application/json; charset=us-ascii",
        "application/json; charset=iso-8859-1",
        "APPLICATION/JSON",
        "application/merge-patch+json",
        "application/json-patch+json",
        "application/vnd.api+json",
        "application/problem+json",
        "text/json",
        "text/plain",
        "text/html",
        "application/jsonp",
        "application/x-json",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/*",
        "*/*",
        "json",
        "",
    ] {
        asks.push(Ask::raw("PATCH", "/posts/5", Some(content_type), good));
    }
    asks.push(Ask::raw("PATCH", "/posts/5", None, good));
    // Bodies: fields of each kind, other fields, wrappers, other JSON values, JSON and then
    // something, and what is not JSON.
    for body in [
        "{}",
        r#"{"title": "t", "body": "line one\r\nline two"}"#,
        r#"{"title": "tab\there", "body": "e\u0301 and \u00e9"}"#,
        // Characters past the Basic Multilingual Plane, sent as they are and as a surrogate pair.
        r#"{"title": "a crab, 🦀", "body": "a clef, \ud834\udd1e"}"#,
        r#"{"title": "t", "body": null, "id": 1, "userId": 1}"#,
        r#"{"post": {"title": "wrapped"}}"#,
        r#"{"data": {"title": "wrapped"}}"#,
        r#"{"post": 5}"#,
        r#"{"Title": "x", "BODY": "y", "title ": "z"}"#,
        r#"[{"op": "replace", "path": "/title", "value": "t"}]"#,
        "[]",
        "null",
        "true",
        "5",
        r#""text""#,
        // JSON encoded twice: a string whose text is a patch is still a string.
        r#""{\"title\": \"encoded twice\"}""#,
        r#"{"title": ["a"]}"#,
        r#"{"title": {"text": "a"}}"#,
        r#"{"title": {"raw": "a title as WordPress sends it"}}"#,
        r#"{"title": true}"#,
        r#"{"title": 1.5}"#,
        r#"{"title": "t", "body": 5}"#,
        "{\"title\": \"t\"}\n",
        "  {\"title\": \"t\"}  ",
        "\u{feff}{\"title\": \"t\"}",
        r#"{"title": "t"} x"#,
        // Two patches in one body, back to back or one per line: JSON and then more, so 400.
        r#"{"title": "one"}{"title": "two"}"#,
        "{\"title\": \"one\"}\n{\"title\": \"two\"}\n",
        r#"{"title": "t""#,
        // Text that looks like UTF-8 read as Latin-1: stored as sent, not repaired.
        r#"{"title": "don\u00e2\u0080\u0099t"}"#,
        // What a rich-text editor leaves of an empty field: text like any other, not blank.
        r#"{"title": "&nbsp;"}"#,
        r#"{"title": "<p></p>"}"#,
        r#"{"title": "<br>"}"#,
        // The fields as an array of one, and text that a script writes for what is missing.
        r#"["an array of one"]"#,
        r#"{"title": "null", "body": "undefined"}"#,
        // A title of two quote marks: text, not an empty one.
        r#"{"title": "\"\""}"#,
        // A comma before the end, as JavaScript allows and JSON does not.
        r#"{"title": "a trailing comma",}"#,
        // A line break and a tab written as they are inside a string, which JSON does not
        // allow (Python's `strict=False` does): 400.
        "{\"body\": \"a raw\nline break\"}",
        "{\"title\": \"a raw\ttab\"}",
        // The replacement character, as a lossy decode leaves it: a character like any other.
        r#"{"title": "caf\ufffd, escaped"}"#,
        // Text a typesetter, a URL decoder or an unescaper would change: kept as sent.
        r#"{"title": "wait for it...", "body": "a -- b --> c"}"#,
        r#"{"title": "\u201cRust\u201d isn\u2019t hard", "body": "\u2018quoted\u2019"}"#,
        r#"{"body": "end each line with \\n, a tab is \\t, a quote is \\\""}"#,
        r#"{"title": "100%25 safe Rust", "body": "caf%C3%A9 and %20"}"#,
        // Titles a spreadsheet would read as formulas: text to the API.
        r#"{"title": "-1 for unwrap in libraries"}"#,
        r#"{"title": "=SUM(A1:A3)", "body": "+1 from me"}"#,
        r#"{"title": "@tokio_rs answered"}"#,
        // Member names a JavaScript object holds specially: other fields, ignored.
        r#"{"title": "beside __proto__", "__proto__": {"admin": true}}"#,
        r#"{"title": "beside __proto__ null", "__proto__": null}"#,
        r#"{"title": "beside constructor", "constructor": {"prototype": {"x": 1}}}"#,
        // A revision of CouchDB's beside a title: another field, ignored (no revision to match).
        r#"{"title": "beside a revision", "_rev": "1-967a00dff5e02add41819138abb3284d"}"#,
        // A title, then the same title in other case: the second is a change like any other.
        r#"{"title": "one client for every request"}"#,
        r#"{"title": "One Client For Every Request"}"#,
        "{\"title\": \"caf\u{fffd}, as it is\"}",
        "",
    ] {
        asks.push(Ask::raw("PATCH", "/posts/5", json, body));
    }
    // Bytes that are not UTF-8 (`é` in Latin-1, as an old client sends it): not JSON, so 400;
    // decoding them lossily into U+FFFD stores what was never sent.
    asks.push(Ask::bytes(
        "PATCH",
        "/posts/5",
        json,
        b"{\"title\": \"caf\xe9, in Latin-1\"}",
    ));
    // Bodies that end in a line break, and titles of white space of each kind `str::trim`
    // knows (blank: 422), and of characters beside them that it does not (not blank: 200).
    for body in [
        r#"{"body": "ends with a line break\n"}"#,
        r#"{"body": "ends with a carriage return\r"}"#,
        r#"{"body": "\n"}"#,
        r#"{"title": "two  spaces  inside"}"#,
    ] {
        asks.push(Ask::raw("PATCH", "/posts/5", json, body));
    }
    let white = ('\0'..='\u{3000}').filter(|c| c.is_whitespace());
    // Beside them: separators, a vowel separator, a word joiner, zero-width characters, the byte
    // order mark, the controls of text direction, a combining grapheme joiner, the blank braille
    // pattern and the Hangul fillers (a title is kept as sent, whatever it shows).
    let beside = [
        '\u{1c}', '\u{1d}', '\u{1e}', '\u{1f}', '\u{180e}', '\u{2060}', '\u{200b}', '\u{200d}',
        '\u{feff}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{ad}', '\u{200c}',
        '\u{34f}', '\u{2800}', '\u{115f}', '\u{1160}', '\u{3164}', '\u{ffa0}',
    ];
    for c in white.chain(beside) {
        let title = format!(r#"{{"title": "\u{:04x}"}}"#, u32::from(c));
        asks.push(Ask::raw("PATCH", "/posts/5", json, &title));
    }
    // A client that prefers strict handling (RFC 7240): other fields are ignored all the same.
    asks.push(
        Ask::raw(
            "PATCH",
            "/posts/5",
            json,
            r#"{"title": "strict", "userId": 9}"#,
        )
        .with_header("prefer", "handling=strict"),
    );
    // A `null` under each type `Json` takes: it keeps the value whatever the type's own rules
    // (a JSON merge patch's `null` removes a member).
    for content_type in [
        "application/json",
        "application/merge-patch+json",
        "application/vnd.api+json",
    ] {
        for body in [r#"{"body": null}"#, r#"{"title": null, "body": "b"}"#] {
            asks.push(Ask::raw("PATCH", "/posts/5", Some(content_type), body));
        }
    }
    // Not sent: other fields whose values RFC 8259 lets a parser refuse (a lone surrogate, a
    // number past `f64`, nesting past a depth): a patch read through a `Value` may refuse them,
    // the derived struct skips them, and the contract asks neither.

    // One header beside a good patch.
    for (name, value) in [
        ("accept", "application/xml"),
        ("accept", "application/hal+json"),
        ("accept", "*/*"),
        ("prefer", "return=representation"),
        ("x-http-method-override", "DELETE"),
        ("expect", "100-continue"),
        // An expectation's token is case-insensitive (RFC 9110).
        ("expect", "100-Continue"),
        // Where a proxy says the request came from: no gate on it in the contract.
        ("x-forwarded-for", "203.0.113.7"),
        ("forwarded", "for=203.0.113.7;proto=https"),
        ("origin", "http://localhost:3000"),
        ("content-encoding", "identity"),
        ("transfer-encoding", "chunked"),
        ("user-agent", "Mozilla/5.0 (café)"),
        // Preconditions the API never asked for: it sends no `ETag` to match.
        ("if-match", "\"5\""),
        ("if-match", "W/\"stale\""),
        ("if-unmodified-since", "Thu, 01 Jan 1970 00:00:00 GMT"),
        ("if-none-match", "*"),
        ("content-range", "bytes 0-30/31"),
        // A range of the answer, a charset for it, a session's cookie: none changes a patch.
        ("range", "bytes=0-9"),
        ("accept-charset", "iso-8859-1"),
        ("cookie", "sessionid=abc"),
        // Credentials of schemes the API never asked for: the API has no authentication, so
        // neither a gate on them nor a test of their scheme.
        ("authorization", "Basic YWxpY2U6c2VjcmV0"),
        ("authorization", "bearer abc.def.ghi"),
        // What a gateway or a client adds: a user who is not post 5's author, the client's
        // clock a long way off, a wish to be answered later. The API asks none of them.
        ("x-user-id", "7"),
        ("date", "Sun, 06 Nov 1994 08:49:37 GMT"),
        ("prefer", "respond-async"),
        // What a browser says of how it asks: the answer is JSON for it too (a prefix against
        // JSON hijacking, for browsers alone, makes it something else).
        ("sec-fetch-mode", "cors"),
    ] {
        asks.push(Ask::raw("PATCH", "/posts/5", json, good).with_header(name, value));
    }
    // A patch a proxy forwarded from plain HTTP: answered as any patch (no redirect of one's
    // own to HTTPS).
    asks.push(
        Ask::raw("PATCH", "/posts/5", json, good)
            .with_header("host", "api.example")
            .with_header("x-forwarded-proto", "http"),
    );
    // Two patches, each of a title of its own, dated by their clients today and then in 1994:
    // both applied, in the order they came (the later date kept as "the last writer", so that
    // an older one is dropped, keeps the first title).
    for (title, date) in [
        ("sent with today's date", "Mon, 07 Dec 2026 09:30:00 GMT"),
        (
            "sent by a client whose clock is behind",
            "Sun, 06 Nov 1994 08:49:37 GMT",
        ),
    ] {
        let body = json!({ "title": title }).to_string();
        asks.push(Ask::raw("PATCH", "/posts/5", json, &body).with_header("date", date));
    }
    // Two `Content-Type` headers, each first in turn: `Json` reads the first (a map of the
    // headers that keeps the last one reads the other).
    let mut shown_asks = Vec::new();
    for (first, second) in [
        ("text/plain", json),
        ("application/json", Some("text/plain")),
    ] {
        shown_asks.push((
            Ask::raw("PATCH", "/posts/5", second, good).with_header("content-type", first),
            format!(
                "PATCH /posts/5 {good} with two `Content-Type` headers, `{first}` then `{}`",
                second.unwrap_or_default()
            ),
        ));
    }
    // A precondition on a post that is not there: still the 404.
    asks.push(Ask::raw("PATCH", "/posts/4", json, good).with_header("if-match", "*"));
    // Other methods, with bodies that are not JSON: still a 405, whatever the body.
    asks.push(Ask::raw("PUT", "/posts/5", Some("text/plain"), "a title"));
    asks.push(Ask::raw(
        "POST",
        "/posts/5",
        Some("application/x-www-form-urlencoded"),
        "title=a+title",
    ));
    // A patch whose body is gzipped, as its `Content-Encoding` says: the app decodes no
    // coding, so the body is not JSON (400), whatever a coding of one's own would say.
    asks.push(
        Ask::bytes("PATCH", "/posts/5", json, &gzip_stored(good.as_bytes()))
            .with_header("content-encoding", "gzip"),
    );
    // A patch with a retry's key (`Idempotency-Key`), another patch, then the first again with
    // the same key: applied again, as any patch is (an answer saved for the key and replayed
    // keeps the other patch's title).
    for (body, key) in [
        (r#"{"title": "keyed"}"#, Some("retry-1")),
        (r#"{"title": "between"}"#, None),
        (r#"{"title": "keyed"}"#, Some("retry-1")),
    ] {
        let ask = Ask::raw("PATCH", "/posts/5", json, body);
        asks.push(match key {
            Some(key) => ask.with_header("idempotency-key", key),
            None => ask,
        });
    }
    // A blank title beside a header that asks for another language or kind of answer: the same
    // 422, with `check_title`'s body.
    for (name, value) in [
        ("accept-language", "fr-FR,fr;q=0.9"),
        ("accept-language", "de"),
        ("accept", "text/html"),
        ("accept", "application/problem+json"),
    ] {
        asks.push(
            Ask::raw("PATCH", "/posts/5", json, r#"{"title": " ", "body": "b"}"#)
                .with_header(name, value),
        );
    }
    // An empty body that says so (`Content-Length: 0`), with and without a JSON type; and `{}`
    // that says its length, with a type `Json` does not take and with none (415 all the same).
    for content_type in [json, None] {
        asks.push(
            Ask::raw("PATCH", "/posts/5", content_type, "").with_header("content-length", "0"),
        );
    }
    for content_type in [Some("text/plain"), None] {
        asks.push(
            Ask::raw("PATCH", "/posts/5", content_type, "{}").with_header("content-length", "2"),
        );
    }
    // A post created after the patches began (`POST /posts`), then patched: any post the
    // store holds now, not only those it held at the start.
    asks.push(Ask::raw(
        "POST",
        "/posts",
        json,
        r#"{"userId": 3, "title": "created later", "body": "new"}"#,
    ));
    for id in 14..=16 {
        asks.push(Ask::raw("PATCH", &format!("/posts/{id}"), json, good));
    }
    // Many patches in a row, to one post: each is a patch like the first.
    for number in 1..=300 {
        let title = format!(r#"{{"title": "edit {number}"}}"#);
        asks.push(Ask::raw("PATCH", "/posts/13", json, &title));
    }
    // Bodies too long to show whole, each with what a message says of it.
    let mut described: Vec<(Ask, String)> = asks
        .into_iter()
        .map(|ask| {
            let shown = ask.to_string();
            (ask, shown)
        })
        .chain(shown_asks)
        .collect();
    // A title of 300 spaces and then a letter: not blank, however far in the letter is.
    described.push((
        Ask::raw(
            "PATCH",
            "/posts/5",
            json,
            &format!(r#"{{"title": "{}x"}}"#, " ".repeat(300)),
        ),
        "PATCH /posts/5 {\"title\": \"(300 spaces)x\"}".to_owned(),
    ));
    // A title of 250 spaces and a letter (200), then one of 251 spaces (blank: 422): a verdict
    // kept for the first 250 bytes of a title answers the second with the first's.
    for (title, shown) in [
        (format!("{}x", " ".repeat(250)), "(250 spaces)x"),
        (" ".repeat(251), "(251 spaces)"),
    ] {
        described.push((
            Ask::raw(
                "PATCH",
                "/posts/8",
                json,
                &format!(r#"{{"title": "{title}"}}"#),
            ),
            format!("PATCH /posts/8 {{\"title\": \"{shown}\"}}"),
        ));
    }
    // A title beside 100 other fields: each ignored, however many there are.
    let many: Vec<String> = (0..100).map(|n| format!(r#""field{n}": {n}"#)).collect();
    described.push((
        Ask::raw(
            "PATCH",
            "/posts/5",
            json,
            &format!(r#"{{"title": "beside many fields", {}}}"#, many.join(", ")),
        ),
        "PATCH /posts/5 {\"title\": \"beside many fields\", \"field0\": 0, … \"field99\": 99}"
            .to_owned(),
    ));
    // A patch in UTF-16, with its byte order mark: JSON text is UTF-8, so not JSON (400).
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(r#"{"title": "in UTF-16"}"#.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    described.push((
        Ask::bytes("PATCH", "/posts/5", json, &utf16),
        "PATCH /posts/5 {\"title\": \"in UTF-16\"} in UTF-16, with its byte order mark".to_owned(),
    ));
    let served = serve(candidate).await?;
    let reference = reference_app();
    for (ask, shown) in described {
        let expected = send(&reference, &ask).await?;
        let answer = send(&served, &ask).await?;
        if !agrees(&answer, &expected) {
            let rule = match body_refusal(&expected) {
                Some(_) if answer.status == expected.status => {
                    ": a body the `Json` extractor refuses is answered with that extractor's own \
                     refusal, which says what was wrong with the body"
                }
                _ => "",
            };
            return Err(EXERCISE.fail(&format!(
                "one change at a time from a good patch: `{shown}` was answered {answer}, where \
                 the contract's answer is {expected}{rule}"
            )));
        }
        if let Some(difference) = store_difference(&served, &store_of(&reference)) {
            return Err(EXERCISE.fail(&format!(
                "one change at a time from a good patch: after `{shown}` (answered {answer}), \
                 {difference}"
            )));
        }
    }
    an_array_of_the_two_fields_is_taken_or_refused(&served, &reference).await?;
    numbers_past_2_pow_53_stay_numbers(candidate).await
}

/// An array of the two fields in order, which serde's derived `Deserialize` reads as the
/// struct: taken as the patch (its first string the title, its second the body), as the
/// reference takes it, or refused with a 400 or a 422 that changes nothing.
async fn an_array_of_the_two_fields_is_taken_or_refused(
    served: &Served,
    reference: &Served,
) -> Verdict {
    let ask = Ask::raw(
        "PATCH",
        "/posts/5",
        Some("application/json"),
        r#"["an array's title", "an array's body"]"#,
    );
    let before = store_of(served);
    let expected = send(reference, &ask).await?;
    let answer = send(served, &ask).await?;
    let taken =
        agrees(&answer, &expected) && store_difference(served, &store_of(reference)).is_none();
    let refused =
        matches!(answer.status.as_u16(), 400 | 422) && store_difference(served, &before).is_none();
    if taken || refused {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "`{ask}` was answered {answer}: an array of the two fields in order is either taken as \
         serde's derived `Deserialize` reads it, its first string the title and its second the \
         body ({expected}), or refused with a 400 or a 422 that changes nothing"
    )))
}

/// A store whose post has an id and an author past 2^53, the most a JSON number keeps exactly
/// in JavaScript: the answer is the post as `GET /posts/{id}` shows it, its numbers as JSON
/// numbers (sending them as strings fails).
async fn numbers_past_2_pow_53_stay_numbers<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let mut posts = posts();
    // Past 2^53, past `i64::MAX` (a database's signed row id), and `u64::MAX` itself.
    for id in [9_007_199_254_740_993, 9_223_372_036_854_775_808, u64::MAX] {
        posts.push(Post {
            user_id: 1_152_921_504_606_846_976,
            id,
            title: "past 2^53".to_owned(),
            body: "its id and author are large".to_owned(),
        });
    }
    let served = serve_with(candidate, posts.clone()).await?;
    let reference = reference_app_with(posts);
    for id in [
        9_007_199_254_740_993_u64,
        9_223_372_036_854_775_808,
        u64::MAX,
    ] {
        let ask = Ask::patch(
            &format!("/posts/{id}"),
            &json!({"title": "still past 2^53"}),
        );
        let expected = send(&reference, &ask).await?;
        let answer = send(&served, &ask).await?;
        if !agrees(&answer, &expected) || store_difference(&served, &store_of(&reference)).is_some()
        {
            return Err(EXERCISE.fail(&format!(
                "with posts 9007199254740993, 9223372036854775808 (past `i64::MAX`) and \
                 18446744073709551615 (`u64::MAX`) of user 1152921504606846976 in the store \
                 (all past 2^53), `{ask}` was answered {answer}, where the contract's answer is \
                 {expected}: the whole post after the change, as `GET /posts/{{id}}` shows it, \
                 for any id a `u64` holds, its id and author JSON numbers whatever their size"
            )));
        }
    }
    the_first_id_and_a_long_body(candidate).await
}

/// A store with a post 0, the first id there is, and twenty posts whose bodies are 60,000
/// characters (stored before the app's 16 KiB limit on requests): each patched (the first of
/// the long ones given a longer title), and answered whole.
async fn the_first_id_and_a_long_body<F>(candidate: &F) -> Verdict
where
    F: Fn(Router<AppState>) -> Router<AppState>,
{
    let mut posts = posts();
    posts.push(Post {
        user_id: 3,
        id: 0,
        title: "the first id".to_owned(),
        body: "number zero".to_owned(),
    });
    // Twenty of them, 1.2 MB of text in all: a store of that size is a small one (a cap of
    // one's own on the store's text refuses a patch that makes a post longer).
    posts.extend((60..80).map(|id| Post {
        user_id: 3,
        id,
        title: "a long body".to_owned(),
        body: long_text("imported from an older system ", 60_000),
    }));
    let served = serve_with(candidate, posts.clone()).await?;
    let reference = reference_app_with(posts);
    for (ask, what) in [
        (
            Ask::patch("/posts/0", &json!({"title": "zero, patched"})),
            "post 0, the first id there is",
        ),
        (
            Ask::patch("/posts/60", &json!({"title": "a long body, patched"})),
            "post 60, whose body is 60,000 characters, and 19 more such posts (1.2 MB of text)",
        ),
    ] {
        let expected = send(&reference, &ask).await?;
        let answer = send(&served, &ask).await?;
        if !agrees(&answer, &expected) || store_difference(&served, &store_of(&reference)).is_some()
        {
            return Err(EXERCISE.fail(&format!(
                "with {what} in the store, `{ask}` was answered {answer}, where the contract's \
                 answer is {expected}: any post the store holds is patched, and answered whole, \
                 whatever its id and however long its fields"
            )));
        }
    }
    Ok(())
}

/// Whether a 422 is the `Json` extractor's (a body of another shape), not the API's own.
fn is_extractor_text(answer: &Answer) -> bool {
    answer.status == StatusCode::UNPROCESSABLE_ENTITY
        && answer.json.as_ref() != Some(&error_body("a post's title cannot be empty"))
}

/// One request drawn at random: mostly patches of posts that exist, some of ids that do not,
/// with fields present, absent, `null`, blank or of another type, and other fields beside them.
fn seeded_ask(rng: &mut SeededRng, store: &[Post]) -> Ask {
    let ids: Vec<u64> = store.iter().map(|post| post.id).collect();
    let exists = rng.chance(0.8);
    let id = if exists {
        rng.pick(&ids)
    } else {
        rng.pick(&[4, 6, 7, 0, 99, 4_294_967_296])
    };
    if rng.chance(0.08) {
        return Ask::raw(
            "PATCH",
            &format!("/posts/{id}"),
            Some("application/json"),
            "[1]",
        );
    }
    let mut body = serde_json::Map::new();
    let titles = ["a title", "  padded  ", "", "   ", "ünïcode ✓", "x"];
    let bodies = ["a body", "", "line\nbreak", "  "];
    match rng.between(0, 5) {
        0 => {}
        1 => {
            body.insert("title".into(), Value::Null);
        }
        2 => {
            body.insert("title".into(), json!(7));
        }
        _ => {
            let title = rng.pick(&titles);
            // A blank title for a missing post: which is reported first is not in the contract.
            if exists || !title.trim().is_empty() {
                body.insert("title".into(), json!(title));
            }
        }
    }
    match rng.between(0, 4) {
        0 => {}
        1 => {
            body.insert("body".into(), Value::Null);
        }
        _ => {
            body.insert("body".into(), json!(rng.pick(&bodies)));
        }
    }
    if rng.chance(0.2) {
        body.insert("id".into(), json!(rng.between(1, 200)));
    }
    if rng.chance(0.2) {
        body.insert("userId".into(), json!(rng.between(1, 20)));
    }
    Ask::patch(&format!("/posts/{id}"), &Value::Object(body))
}
