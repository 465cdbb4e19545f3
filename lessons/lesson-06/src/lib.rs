//! Lesson 06: sending data.
//!
//! Until now every request was a GET. Here the client writes: `POST` creates, `PUT` replaces,
//! `PATCH` changes some fields, `DELETE` removes. The body is a Rust value handed to
//! `.json(&value)`, which serialises it with serde and sets `Content-Type: application/json`,
//! like aiohttp's `session.post(url, json=value)`. The type you send is often not the type you
//! get back: a new post has no id until the server gives it one.
//!
//! Then the other half of a request's input, the query string: `.query(&[("userId", 1)])`
//! encodes the parameters for you, where a hand-built `format!("?q={text}")` breaks on the first
//! `&`, space or `#`. And with it, pagination: `_page` and `_limit` ask for one slice of a list,
//! and the `X-Total-Count` header says how many items there are in all, so the client knows
//! how many pages to ask for.
//!
//! JSONPlaceholder answers writes as if it had stored them, and stores nothing: a POST answers
//! `201` with id 101, and `GET /posts/101` is still a 404. The lesson shows that too.

pub mod exercises;

use std::num::NonZeroU32;

use lesson_support::models::Post;
use reqwest::header::LOCATION;
use reqwest::{Client, RequestBuilder, Response, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

// ANCHOR: new_post
/// What a client sends to create a post: everything but the id, which the server chooses.
///
/// A separate type from [`Post`] rather than a `Post` with a made-up id: the compiler then
/// knows that a new post has no id, and nobody can send one by mistake.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewPost {
    pub user_id: u64,
    pub title: String,
    pub body: String,
}
// ANCHOR_END: new_post

// ANCHOR: post_patch
/// The fields of a post to change with `PATCH`; `None` means "leave it as it is".
///
/// `skip_serializing_if` leaves a `None` field out of the JSON entirely. Without it serde would
/// send `"body": null`, and the server would set the body to null: the opposite of leaving it
/// alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostPatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}
// ANCHOR_END: post_patch

// ANCHOR: reply
/// What a write brought back: the status, the `Location` header if the server sent one, and
/// the body decoded as `T`.
#[derive(Debug)]
pub struct Reply<T> {
    pub status: StatusCode,
    /// Where the new resource lives, from a `201 Created` answer's `Location` header, resolved
    /// against the request's URL (the header may be relative). `None` when the server sent no
    /// such header, or one that is not a URL.
    pub location: Option<Url>,
    pub body: T,
}

/// Sends a request built by one of the functions below and reads its answer: every verb ends
/// the same way.
async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<Reply<T>, reqwest::Error> {
    let response = request.send().await?.error_for_status()?;
    let status = response.status();
    // Headers first: `.json()` takes the response by value, and the headers go with it.
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| response.url().join(text).ok());
    let body = response.json::<T>().await?;
    Ok(Reply {
        status,
        location,
        body,
    })
}
// ANCHOR_END: reply

// ANCHOR: create_post
/// `POST /posts`: creates a post. The answer is `201 Created` and the post as stored, with the
/// id the server gave it.
///
/// # Errors
/// A connection failure, an error status, or an answer that is not a post.
pub async fn create_post(
    client: &Client,
    base_url: &str,
    new_post: &NewPost,
) -> Result<Reply<Post>, reqwest::Error> {
    // `.json(&value)` serialises the body and sets `Content-Type: application/json`.
    send(client.post(format!("{base_url}/posts")).json(new_post)).await
}
// ANCHOR_END: create_post

// ANCHOR: replace_post
/// `PUT /posts/{id}`: replaces the whole post with `post`. Every field is sent; the id in the
/// path decides which post, whatever `post.id` says.
///
/// # Errors
/// A connection failure, an error status (404 for a post that does not exist), or an answer
/// that is not a post.
pub async fn replace_post(
    client: &Client,
    base_url: &str,
    id: u64,
    post: &Post,
) -> Result<Reply<Post>, reqwest::Error> {
    send(client.put(format!("{base_url}/posts/{id}")).json(post)).await
}
// ANCHOR_END: replace_post

// ANCHOR: patch_post
/// `PATCH /posts/{id}`: changes the fields that `changes` holds and keeps the others.
///
/// Any serialisable value will do: a [`PostPatch`], or a `serde_json::json!({...})` object
/// when the fields are known only at run time.
///
/// # Errors
/// A connection failure, an error status, or an answer that is not a post.
pub async fn patch_post<B: Serialize + ?Sized>(
    client: &Client,
    base_url: &str,
    id: u64,
    changes: &B,
) -> Result<Reply<Post>, reqwest::Error> {
    send(client.patch(format!("{base_url}/posts/{id}")).json(changes)).await
}
// ANCHOR_END: patch_post

// ANCHOR: delete_post
/// `DELETE /posts/{id}`. JSONPlaceholder answers `200` with the body `{}`; other APIs answer
/// `204 No Content` with no body at all, so this returns only the status.
///
/// # Errors
/// A connection failure or an error status.
pub async fn delete_post(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<StatusCode, reqwest::Error> {
    let response = client
        .delete(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?;
    Ok(response.status())
}
// ANCHOR_END: delete_post

// ANCHOR: was_it_stored
/// The status of `GET /posts/{id}`, whatever it is: a 404 is an answer here, not an error.
///
/// # Errors
/// Only when no answer arrives.
pub async fn post_status(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<StatusCode, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    Ok(response.status())
}

/// How many posts `GET /posts` lists.
///
/// # Errors
/// A connection failure, an error status, or a body that is not a list of posts.
pub async fn count_posts(client: &Client, base_url: &str) -> Result<usize, reqwest::Error> {
    let posts: Vec<Post> = client
        .get(format!("{base_url}/posts"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(posts.len())
}
// ANCHOR_END: was_it_stored

// ANCHOR: posts_by_user
/// `GET /posts?userId={user_id}`: the posts of one user, filtered by the server.
///
/// # Errors
/// A connection failure, an error status, or a body that is not a list of posts.
pub async fn posts_by_user(
    client: &Client,
    base_url: &str,
    user_id: u64,
) -> Result<Vec<Post>, reqwest::Error> {
    client
        .get(format!("{base_url}/posts"))
        // A slice of (name, value) pairs; any `Serialize` value works, numbers included.
        // Needs reqwest's `query` feature, which is opt-in since 0.13.
        .query(&[("userId", user_id)])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
// ANCHOR_END: posts_by_user

// ANCHOR: search_urls
/// The URL of a search for `term`, built twice without sending anything: with `.query`, and
/// by hand with `format!`. Compare them with [`query_pairs`].
///
/// # Errors
/// Only if `base_url` is not a URL.
pub fn search_urls(
    client: &Client,
    base_url: &str,
    term: &str,
) -> Result<(Url, Url), reqwest::Error> {
    // `.build()` makes the request without sending it, so we can look at its URL.
    let encoded = client
        .get(format!("{base_url}/posts"))
        .query(&[("q", term)])
        .build()?;
    // The bug: `&` starts a new parameter and `#` starts a fragment, which is never sent.
    let by_hand = client.get(format!("{base_url}/posts?q={term}")).build()?;
    Ok((encoded.url().clone(), by_hand.url().clone()))
}

/// The parameters a server reads from `url`'s query string, decoded.
pub fn query_pairs(url: &Url) -> Vec<(String, String)> {
    url.query_pairs()
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}
// ANCHOR_END: search_urls

// ANCHOR: paging_error
/// Why walking the pages of a list failed.
#[derive(Debug, thiserror::Error)]
pub enum PagingError {
    /// The request failed: no answer, an error status, or a body that is not the list expected.
    #[error("a page request failed")]
    Http(#[from] reqwest::Error),
    /// The answer had no `X-Total-Count` header, or one that is not a whole number, so there is
    /// no knowing how many pages there are.
    #[error(
        "the answer to {url} has no X-Total-Count header (or not a number), so the number of \
         pages is unknown; does this server page its lists?"
    )]
    NoTotalCount { url: String },
    /// `X-Total-Count` asks for more than [`MAX_PAGES`] pages of this size: a header is not a
    /// reason to send a million requests, so the walk refuses before asking for a second page.
    #[error(
        "the answer to {url} says the list has {total} items: {pages} pages of this size, more \
         than the {MAX_PAGES} a walk will ask for"
    )]
    TooManyPages { url: String, total: u64, pages: u64 },
}

/// The most pages one walk of a list asks for. The number of pages comes from a header the
/// server sends; a loop sized by it needs a bound of its own.
pub const MAX_PAGES: u64 = 1_000;
// ANCHOR_END: paging_error

// ANCHOR: fetch_page
/// One page of a list: its number (from 1), its items, and the total the server reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub number: u32,
    pub items: Vec<T>,
    /// `X-Total-Count`: how many items the whole list has, all pages together.
    pub total: u64,
}

/// How many pages of `page_size` items hold `total` items: the last page may be partial, so
/// this rounds up (200 items in pages of 30 is 7 pages, the last one of 20).
pub fn page_count(total: u64, page_size: NonZeroU32) -> u64 {
    total.div_ceil(u64::from(page_size.get()))
}

/// `GET /{resource}?_page={number}&_limit={page_size}`: one page of a list.
///
/// `page_size` is a `NonZeroU32` because a page of zero items makes no sense, and dividing
/// the total by it must not fail.
///
/// # Errors
/// [`PagingError::Http`] for a failed request, an error status or a body that is not a list of
/// `T`; [`PagingError::NoTotalCount`] when the server did not say how many items there are.
pub async fn fetch_page<T: DeserializeOwned>(
    client: &Client,
    base_url: &str,
    resource: &str,
    number: u32,
    page_size: NonZeroU32,
) -> Result<Page<T>, PagingError> {
    let response = client
        .get(format!("{base_url}/{resource}"))
        // Both values are u32: a slice needs one type for all its pairs.
        .query(&[("_page", number), ("_limit", page_size.get())])
        .send()
        .await?
        // Before the header: a 500's missing X-Total-Count is not the problem.
        .error_for_status()?;
    let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
        url: response.url().to_string(),
    })?;
    let items = response.json::<Vec<T>>().await?;
    Ok(Page {
        number,
        items,
        total,
    })
}

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    // Header names are case-insensitive; reqwest's lookups accept any case.
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
// ANCHOR_END: fetch_page
