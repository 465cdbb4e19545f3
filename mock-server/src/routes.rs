//! The JSONPlaceholder routes: from a request to a status, headers and a JSON body.
//!
//! This is a pure function of the request and the pre-built data set; it knows nothing of
//! latency, faults or front ends (see `server.rs` for those). It takes wiremock's `Request`
//! because that plain struct (URL, method, headers, body) suits both front ends: the hyper one
//! builds one per request, as wiremock itself does. It follows json-server 0.16,
//! the program behind JSONPlaceholder: the list routes take field filters and the `_sort`,
//! `_limit`, `_page`, `_start`, `_end` parameters, item routes answer 404 with `{}`, and writes
//! answer as if they had been stored without storing anything.
//!
//! wiremock runs this under its global lock, and the standalone server runs it for every one of
//! thousands of requests a second, so the list routes never serialise: they pick pre-rendered
//! items and join their bytes (see `data.rs`).

use std::cmp::Ordering;

use serde_json::{Map, Value};
use wiremock::Request;

use crate::data::{Dataset, Item, Resource, json_list, to_json};

/// What the server answers, before latency and faults are applied.
pub(crate) struct Reply {
    /// The HTTP status.
    pub(crate) status: u16,
    /// Extra headers, such as `X-Total-Count`. `Content-Type` is always JSON and set elsewhere.
    pub(crate) headers: Vec<(&'static str, String)>,
    /// The body.
    pub(crate) body: Body,
}

/// What an answer carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Body {
    /// JSON, whole: every route of the API.
    Json(Vec<u8>),
    /// These bytes of the course's made-up file (`files.rs`), sent as
    /// `application/octet-stream`; the hyper front end sends them a piece at a time.
    File(std::ops::Range<u64>),
}

impl Reply {
    fn json(status: u16, body: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Json(body),
        }
    }

    /// The answer of the course's file route (`files.rs`).
    pub(crate) fn file(answer: crate::files::FileAnswer) -> Reply {
        Reply {
            status: answer.status,
            headers: answer.headers,
            body: Body::File(answer.range),
        }
    }

    /// `status` with the body `{}`: how json-server answers what it cannot find, and how the
    /// status faults answer. An empty object rather than an empty body, so that a client that
    /// always parses JSON still can.
    pub(crate) fn empty_object(status: u16) -> Reply {
        Reply::json(status, b"{}".to_vec())
    }

    /// json-server's answer to anything it does not know.
    pub(crate) fn not_found() -> Reply {
        Reply::empty_object(404)
    }
}

/// Answers one request from the data set.
pub(crate) fn answer(data: &Dataset, request: &Request) -> Reply {
    let Some(segments) = segments(request.url.path()) else {
        return Reply::not_found();
    };
    // HEAD is GET without the body; hyper leaves the body out for us.
    let method = match request.method.as_str() {
        "HEAD" => "GET",
        other => other,
    };
    match (method, segments.as_slice()) {
        ("GET", [name]) => match data.resource(name) {
            Some(resource) => list(resource, None, request),
            None => Reply::not_found(),
        },
        ("GET", [name, id]) => match data.resource(name).and_then(|resource| resource.find(id)) {
            Some(item) => Reply::json(200, item.json.clone()),
            None => Reply::not_found(),
        },
        // `/posts/1/comments` is `/comments?postId=1`: json-server rewrites nested routes into a
        // filter on `<parent in the singular>Id`, whether or not the parent exists.
        ("GET", [parent, id, child]) => match (data.resource(parent), data.resource(child)) {
            (Some(parent), Some(child)) => list(child, Some((parent.child_key(), id)), request),
            _ => Reply::not_found(),
        },
        ("POST", [name]) => match data.resource(name) {
            Some(resource) => create(resource, request),
            None => Reply::not_found(),
        },
        ("PUT" | "PATCH" | "DELETE", [name, id]) => {
            match data
                .resource(name)
                .and_then(|resource| resource.find(id).map(|item| (resource, item)))
            {
                Some((_, item)) => write(method, item, request),
                None => Reply::not_found(),
            }
        }
        _ => Reply::not_found(),
    }
}

/// Splits `/posts/1` into `["posts", "1"]`, tolerating one trailing slash (`/posts/`). `None`
/// for paths with empty segments such as `/` or `//posts`, which no route matches.
fn segments(path: &str) -> Option<Vec<&str>> {
    let path = path.strip_prefix('/')?;
    let path = path.strip_suffix('/').unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    segments
        .iter()
        .all(|segment| !segment.is_empty())
        .then_some(segments)
}

/// `POST /{resource}`: the request's JSON object with the id the next item would get. Nothing
/// is stored, exactly like the real service.
fn create(resource: &Resource, request: &Request) -> Reply {
    let mut fields = json_object(request);
    // The server chooses the id; appending it last is where json-server puts it.
    fields.shift_remove("id");
    let id = resource.items.len() as u64 + 1;
    fields.insert("id".into(), Value::from(id));
    let mut reply = Reply::json(201, to_json(&fields));
    // Where the new item would live, as json-server says it: the URL the client posted to (with
    // the host it used), plus the id. Nothing is stored, so following it finds nothing.
    let host = request
        .headers
        .get("host")
        .and_then(|host| host.to_str().ok())
        .map(str::to_owned)
        .or_else(|| {
            let url = &request.url;
            url.host_str().map(|host| match url.port() {
                Some(port) => format!("{host}:{port}"),
                None => host.to_owned(),
            })
        })
        .unwrap_or_default();
    let path = request.url.path().trim_end_matches('/');
    reply
        .headers
        .push(("Location", format!("http://{host}{path}/{id}")));
    reply
        .headers
        .push(("Access-Control-Expose-Headers", "Location".to_owned()));
    reply
}

/// `PUT`, `PATCH` or `DELETE` on an existing item.
fn write(method: &str, item: &Item, request: &Request) -> Reply {
    let id = item.fields.get("id").cloned().unwrap_or(Value::Null);
    match method {
        // PUT replaces the whole item: the answer is what was sent, with the path's id (an id in
        // the body cannot move an item).
        "PUT" => {
            let mut fields = json_object(request);
            fields.shift_remove("id");
            fields.insert("id".into(), id);
            Reply::json(200, to_json(&fields))
        }
        // PATCH changes some fields: the stored item with the sent fields laid over it. Existing
        // fields keep their place, new ones are appended.
        "PATCH" => {
            let mut fields = item.fields.clone();
            for (key, value) in json_object(request) {
                if key != "id" {
                    fields.insert(key, value);
                }
            }
            Reply::json(200, to_json(&fields))
        }
        _ => Reply::empty_object(200),
    }
}

/// The request body as a JSON object; anything else (no body, invalid JSON, an array) counts
/// as `{}`.
fn json_object(request: &Request) -> Map<String, Value> {
    match serde_json::from_slice(&request.body) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    }
}

/// `GET /{resource}` with its query, plus the parent filter of a nested route.
fn list(resource: &Resource, parent: Option<(String, &str)>, request: &Request) -> Reply {
    let mut query = ListQuery::parse(request);
    if let Some((key, id)) = parent {
        query.filters.insert(
            0,
            Filter {
                path: key,
                op: Op::Equal,
                values: vec![id.to_string()],
            },
        );
    }

    // The common case, `GET /photos`, sends the pre-joined list without looking at any item.
    if query.is_plain() {
        return Reply::json(200, resource.list_json.clone());
    }

    let mut selected: Vec<&Item> = resource
        .items
        .iter()
        .filter(|item| {
            query
                .search
                .as_deref()
                .is_none_or(|needle| contains_text(&item.fields, needle))
        })
        .filter(|item| query.filters.iter().all(|filter| filter.keeps(item)))
        .collect();

    if !query.sort.is_empty() {
        // A stable sort, like lodash's `orderBy`: items that compare equal keep id order.
        selected.sort_by(|a, b| {
            query
                .sort
                .iter()
                .map(|(path, descending)| {
                    let order = compare_values(lookup(&a.fields, path), lookup(&b.fields, path));
                    if *descending { order.reverse() } else { order }
                })
                .find(|order| order.is_ne())
                .unwrap_or(Ordering::Equal)
        });
    }

    let mut headers = Vec::new();
    if query.slices() {
        let total = selected.len();
        let range = query.slice_range(total);
        if let Some(page) = query.page {
            headers.extend(page_links(
                request,
                page,
                query.page_size(),
                total,
                range.len(),
            ));
        }
        selected = selected[range].to_vec();
        // The total before slicing is how a client knows how many pages there are.
        headers.push(("X-Total-Count", total.to_string()));
        // Browsers hide non-standard headers from scripts unless told otherwise.
        headers.push((
            "Access-Control-Expose-Headers",
            "X-Total-Count, Link".to_string(),
        ));
    }

    Reply {
        status: 200,
        headers,
        body: Body::Json(json_list(selected)),
    }
}

/// The parts of a list request's query string that json-server understands.
#[derive(Default)]
struct ListQuery {
    /// Field filters, one per distinct key, in the order they first appear.
    filters: Vec<Filter>,
    /// `q`: full-text search over every string in the item.
    search: Option<String>,
    /// `_sort` fields with `_order` (`true` for descending).
    sort: Vec<(String, bool)>,
    page: Option<i64>,
    limit: Option<i64>,
    start: Option<i64>,
    end: Option<i64>,
}

/// One field filter: `userId=1`, `id_ne=3`, `title_like=alvena`, `id_gte=10`.
struct Filter {
    /// The field, possibly a dotted path into nested objects (`address.city`).
    path: String,
    op: Op,
    /// The values given for this key: several mean "any of them" (`id=1&id=2`), or for `_ne`
    /// "none of them".
    values: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Equal,
    NotEqual,
    AtLeast,
    AtMost,
    Like,
}

impl ListQuery {
    fn parse(request: &Request) -> ListQuery {
        let mut query = ListQuery::default();
        let mut sort_fields: Vec<String> = Vec::new();
        let mut orders: Vec<String> = Vec::new();
        for (key, value) in request.url.query_pairs() {
            match key.as_ref() {
                "_sort" => sort_fields = value.split(',').map(str::to_string).collect(),
                "_order" => orders = value.split(',').map(str::to_lowercase).collect(),
                "_page" => query.page = leading_integer(&value),
                "_limit" => query.limit = leading_integer(&value),
                "_start" => query.start = leading_integer(&value),
                "_end" => query.end = leading_integer(&value),
                "q" => query.search = Some(value.to_lowercase()),
                // JSONP's callback, jQuery's cache buster, and json-server's relation embedding,
                // which JSONPlaceholder users rarely rely on: accepted and ignored.
                "callback" | "_" | "_embed" | "_expand" => {}
                _ => query.add_filter(&key, value.into_owned()),
            }
        }
        query.sort = sort_fields
            .into_iter()
            .enumerate()
            .map(|(i, field)| (field, orders.get(i).is_some_and(|order| order == "desc")))
            .collect();
        query
    }

    fn add_filter(&mut self, key: &str, value: String) {
        let (path, op) = [
            ("_ne", Op::NotEqual),
            ("_gte", Op::AtLeast),
            ("_lte", Op::AtMost),
            ("_like", Op::Like),
        ]
        .into_iter()
        .find_map(|(suffix, op)| key.strip_suffix(suffix).map(|path| (path, op)))
        .unwrap_or((key, Op::Equal));
        match self
            .filters
            .iter_mut()
            .find(|filter| filter.path == path && filter.op == op)
        {
            Some(filter) => filter.values.push(value),
            None => self.filters.push(Filter {
                path: path.to_string(),
                op,
                values: vec![value],
            }),
        }
    }

    /// Nothing to filter, sort or slice: the whole list as it is.
    fn is_plain(&self) -> bool {
        self.filters.is_empty() && self.search.is_none() && self.sort.is_empty() && !self.slices()
    }

    fn slices(&self) -> bool {
        self.page.is_some() || self.limit.is_some() || self.start.is_some() || self.end.is_some()
    }

    /// `_limit` as the size of a `_page`, 10 when absent (or not a positive number).
    fn page_size(&self) -> i64 {
        self.limit.filter(|&limit| limit > 0).unwrap_or(10)
    }

    /// Which part of `total` items to send, by json-server's precedence: `_page` (pages of
    /// `_limit`, default 10), else `_start`/`_end`, else `_start` plus `_limit`. Negative
    /// positions count from the end, as in JavaScript's `slice`.
    fn slice_range(&self, total: usize) -> std::ops::Range<usize> {
        let start = self.start.unwrap_or(0);
        if let Some(page) = self.page {
            let size = self.page_size();
            let page = page.max(1);
            js_slice(
                total,
                (page - 1).saturating_mul(size),
                page.saturating_mul(size),
            )
        } else if let Some(end) = self.end {
            js_slice(total, start, end)
        } else if let Some(limit) = self.limit {
            js_slice(total, start, start.saturating_add(limit))
        } else {
            js_slice(total, start, i64::MAX)
        }
    }
}

impl Filter {
    /// Whether an item passes. Values are compared as text, the way json-server compares a
    /// query string (always text) with a field (`?completed=true`, `?userId=1`); an item without
    /// the field never passes.
    fn keeps(&self, item: &Item) -> bool {
        let Some(value) = lookup(&item.fields, &self.path) else {
            return false;
        };
        let Some(text) = value_text(value) else {
            return false;
        };
        match self.op {
            Op::Equal => self.values.contains(&text),
            Op::NotEqual => self.values.iter().all(|unwanted| *unwanted != text),
            // json-server takes a regular expression here; a case-insensitive substring covers
            // what lessons use it for without a regex engine in the server.
            Op::Like => {
                let text = text.to_lowercase();
                self.values
                    .iter()
                    .any(|part| text.contains(&part.to_lowercase()))
            }
            Op::AtLeast => self
                .values
                .iter()
                .any(|bound| compare_with_text(value, &text, bound).is_ge()),
            Op::AtMost => self
                .values
                .iter()
                .any(|bound| compare_with_text(value, &text, bound).is_le()),
        }
    }
}

/// A field by name, or by dotted path into nested objects (`address.geo.lat`).
fn lookup<'a>(fields: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    if let Some(value) = fields.get(path) {
        return Some(value);
    }
    let mut parts = path.split('.');
    let mut value = fields.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// A scalar as the text a query string would carry: `1`, `true`, `alvena`.
fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// Compares a field with a bound from the query: as numbers when the field is a number and the
/// bound reads as one (so `id_gte=10` does not put `9` after `10`), else as text.
fn compare_with_text(value: &Value, text: &str, bound: &str) -> Ordering {
    match (value.as_f64(), bound.trim().parse::<f64>()) {
        (Some(number), Ok(bound)) => number.partial_cmp(&bound).unwrap_or(Ordering::Equal),
        _ => text.cmp(bound),
    }
}

/// The order `_sort` uses: numbers numerically, strings as text, booleans false first, and
/// items missing the field after all others.
fn compare_values(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    fn rank(value: Option<&Value>) -> u8 {
        match value {
            Some(Value::Number(_)) => 0,
            Some(Value::String(_)) => 1,
            Some(Value::Bool(_)) => 2,
            Some(_) => 3,
            None => 4,
        }
    }
    match (a, b) {
        (Some(Value::Number(a)), Some(Value::Number(b))) => a
            .as_f64()
            .partial_cmp(&b.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::String(a)), Some(Value::String(b))) => a.cmp(b),
        (Some(Value::Bool(a)), Some(Value::Bool(b))) => a.cmp(b),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// `q=`: whether any string anywhere in the item contains `needle` (already lower case).
fn contains_text(fields: &Map<String, Value>, needle: &str) -> bool {
    fn search(value: &Value, needle: &str) -> bool {
        match value {
            Value::String(text) => text.to_lowercase().contains(needle),
            Value::Array(values) => values.iter().any(|value| search(value, needle)),
            Value::Object(fields) => fields.values().any(|value| search(value, needle)),
            _ => false,
        }
    }
    fields.values().any(|value| search(value, needle))
}

/// The integer at the start of `text`, like JavaScript's `parseInt` (`"10abc"` is 10). Text
/// without one is ignored, as if the parameter were absent.
fn leading_integer(text: &str) -> Option<i64> {
    let text = text.trim_start();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let length = digits.bytes().take_while(u8::is_ascii_digit).count();
    let magnitude: i64 = digits[..length].parse().ok()?;
    Some(sign * magnitude)
}

/// JavaScript's `array.slice(start, end)` as an index range: negative positions count from the
/// end, and everything is clamped to the array.
fn js_slice(length: usize, start: i64, end: i64) -> std::ops::Range<usize> {
    let length = length as i64;
    let clamp = |position: i64| {
        if position < 0 {
            (length + position).max(0)
        } else {
            position.min(length)
        }
    };
    let (start, end) = (clamp(start), clamp(end));
    start as usize..end.max(start) as usize
}

/// The `Link` header json-server adds to a `_page` answer: URLs of the first, previous, next
/// and last pages, so that a client can walk the pages without computing them. None when the
/// page is empty or holds everything.
fn page_links(
    request: &Request,
    page: i64,
    size: i64,
    total: usize,
    shown: usize,
) -> Option<(&'static str, String)> {
    if shown == 0 || shown == total {
        return None;
    }
    let page = page.max(1);
    let last = (total as i64 + size - 1) / size;
    let host = request
        .headers
        .get("host")
        .and_then(|host| host.to_str().ok())
        .unwrap_or("localhost");
    let url_for = |number: i64| {
        let query: Vec<String> = request
            .url
            .query()
            .unwrap_or("")
            .split('&')
            .map(|pair| {
                if pair.split('=').next() == Some("_page") {
                    format!("_page={number}")
                } else {
                    pair.to_string()
                }
            })
            .collect();
        format!("<http://{host}{}?{}>", request.url.path(), query.join("&"))
    };
    let mut links = vec![format!("{}; rel=\"first\"", url_for(1))];
    if page > 1 {
        links.push(format!("{}; rel=\"prev\"", url_for(page - 1)));
    }
    if page < last {
        links.push(format!("{}; rel=\"next\"", url_for(page + 1)));
    }
    links.push(format!("{}; rel=\"last\"", url_for(last)));
    Some(("Link", links.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javascript_slice_counts_negative_positions_from_the_end() {
        assert_eq!(js_slice(10, 0, 3), 0..3);
        assert_eq!(js_slice(10, -3, i64::MAX), 7..10);
        assert_eq!(js_slice(10, 8, 20), 8..10);
        assert_eq!(js_slice(10, 5, 2), 5..5);
    }

    #[test]
    fn leading_integers_are_read_like_parse_int() {
        assert_eq!(leading_integer("10"), Some(10));
        assert_eq!(leading_integer("10abc"), Some(10));
        assert_eq!(leading_integer("-2"), Some(-2));
        assert_eq!(leading_integer("abc"), None);
        assert_eq!(leading_integer(""), None);
    }

    #[test]
    fn paths_tolerate_one_trailing_slash_and_nothing_empty() {
        assert_eq!(segments("/posts/"), Some(vec!["posts"]));
        assert_eq!(segments("/posts/1"), Some(vec!["posts", "1"]));
        assert_eq!(segments("/"), None);
        assert_eq!(segments("//posts"), None);
    }
}
