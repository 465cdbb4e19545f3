//! Exercise 11: fetch every page of a list.
//!
//! `fetch_all_pages` gets every item of `{base_url}/{resource}` (such as `todos`), page by page,
//! over the client it is given, and returns them all.
//!
//! The contract, which `cargo test -p lesson-06` checks:
//! - each request is `GET {base_url}/{resource}?_page=P&_limit={page_size}` and no other
//!   parameter, sent with `client` (let `.query(..)` add the parameters); `base_url` may end in a path (`…/api/v1`), which
//!   stays in every URL; pages are numbered from 1 (`page_size` is a `NonZeroU32`: never 0);
//! - one page at a time, in order: page P+1 is asked for once page P's answer has been read;
//! - the first answer's `X-Total-Count` header is the number of items in the whole list: ask
//!   for exactly as many pages as that needs, rounding up, no more, no fewer (200 items in
//!   pages of 30 is 7 requests, 210 is 7 too, 211 is 8; a total of 0 is the one request for
//!   page 1, whose body is read like any page's). Later answers' `X-Total-Count` is not read,
//!   and what a page holds (a short page, an empty one, a long one) does not change the number
//!   of pages;
//! - the result is the items of pages 1, 2, 3… one after another, each page's as the server
//!   sent them: not sorted, not de-duplicated (an item on two pages is in it twice), not cut or
//!   padded to the total (a page holding more than `page_size` items, or items despite a total
//!   of 0, has them all in the result);
//! - an error status on any page (4xx or 5xx, checked before anything else is read, the header
//!   included), a request that fails, or a body that is not a JSON list is
//!   `Err(PagingError::Http(..))` (the lesson's error type, in `src/lib.rs`): the walk stops
//!   there, asks for no further page, and returns no partial list;
//! - a first answer without `X-Total-Count`, or with one that is not a whole number from 0 to
//!   `u64::MAX` (`-6`, `2.5`, `many`, an empty value), is
//!   `Err(PagingError::NoTotalCount { url })` whatever its body holds (the total is judged from
//!   the head, before the body is read), `url` being that answer's URL
//!   (`response.url()`), and no further request: without the total the number of pages is
//!   unknown, so guessing (or looping until something happens) is wrong;
//! - a total that needs more than `crate::MAX_PAGES` (1,000) pages of `page_size` is
//!   `Err(PagingError::TooManyPages { url, total, pages })`, and no further request: a header
//!   alone does not get to send a million requests. Exactly `MAX_PAGES` pages is allowed;
//! - a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out and none added by you) is an `Err`;
//! - never a panic (not even for `X-Total-Count: 18446744073709551615`), and nothing that
//!   blocks the thread (`std::thread::sleep`): wait with `.await`.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::PagingError;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    // TODO: ask for page 1, read its X-Total-Count, then ask for the remaining pages and
    // collect every item.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, resource, page_size);
    todo!()
}
