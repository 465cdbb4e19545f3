//! The JSONPlaceholder contract, route by route: what a lesson may rely on when it talks to the
//! mock instead of the real API. Each test starts its own server on an OS-picked loopback port,
//! and runs twice: against the wiremock front end (`MockApi`) and the hyper one (`serve`), which
//! must keep the same contract (see `common/mod.rs`).

// The tests below are plain `async fn`s that `on_both_front_ends!` wraps in `#[tokio::test]`s,
// so clippy's `allow-unwrap-in-tests` does not see them as tests. They are: an `unwrap` here is
// an assertion, as in any test.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Api, Front, send_to};
use mock_server::{
    ALBUMS, COMMENTS, COMPLETED_TODOS, MockApi, PHOTOS, POSTS, RESOURCES, TODOS, USERS,
};
use reqwest::{Method, StatusCode, header::HeaderMap};
use serde_json::{Value, json};

on_both_front_ends!(
    every_resource_has_its_documented_count_with_ids_from_one_and_no_gaps,
    items_carry_the_documented_fields_in_the_documented_order,
    users_nest_address_geo_and_company_with_coordinates_as_strings,
    children_belong_to_their_parents_in_blocks,
    exactly_ninety_todos_are_completed_and_completed_is_a_boolean,
    texts_are_filler_with_multi_line_bodies_and_plausible_emails,
    missing_and_non_numeric_ids_answer_404_with_an_empty_object,
    unknown_routes_and_methods_answer_404_with_an_empty_object,
    every_answer_is_json_with_a_utf8_charset,
    head_is_get_without_the_body,
    a_trailing_slash_is_tolerated,
    field_filters_compare_values_as_text,
    repeating_a_filter_field_matches_any_of_its_values,
    a_filter_that_matches_nothing_gives_an_empty_list,
    limit_page_and_start_end_slice_the_list,
    x_total_count_gives_the_total_after_filtering_and_before_slicing,
    pages_link_to_their_neighbours,
    sort_orders_numbers_numerically_and_strings_as_text,
    nested_routes_answer_like_the_filtered_lists,
    post_answers_201_with_the_next_id_and_stores_nothing,
    put_answers_the_sent_object_with_the_id_from_the_path,
    patch_answers_the_stored_item_with_the_sent_fields_laid_over_it,
    delete_answers_an_empty_object,
    writes_to_a_missing_item_answer_404_with_an_empty_object,
);

/// Status, headers and body text of a request.
async fn send(
    api: &Api,
    method: Method,
    path: &str,
    body: Option<&str>,
) -> (StatusCode, HeaderMap, String) {
    send_to(&api.uri(), method, path, body).await
}

async fn get(api: &Api, path: &str) -> (StatusCode, HeaderMap, String) {
    send(api, Method::GET, path, None).await
}

/// The JSON of a successful GET.
async fn get_json(api: &Api, path: &str) -> Value {
    let (status, _, body) = get(api, path).await;
    assert_eq!(status, StatusCode::OK, "GET {path}");
    serde_json::from_str(&body).expect("a JSON body")
}

/// The `id`s of a list, in order.
async fn ids(api: &Api, path: &str) -> Vec<u64> {
    let list = get_json(api, path).await;
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item["id"].as_u64().expect("a numeric id"))
        .collect()
}

/// The keys of a JSON object in the order the server wrote them (`serde_json`'s
/// `preserve_order` keeps the text's order).
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn total_count(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("x-total-count")
        .map(|value| value.to_str().expect("ASCII"))
}

/// Six resources with JSONPlaceholder's counts, ids `1..=count` in ascending order.
async fn every_resource_has_its_documented_count_with_ids_from_one_and_no_gaps(front: Front) {
    let api = front.start().await;
    let expected = [
        ("posts", POSTS),
        ("comments", COMMENTS),
        ("albums", ALBUMS),
        ("photos", PHOTOS),
        ("todos", TODOS),
        ("users", USERS),
    ];
    assert_eq!(expected.map(|(name, _)| name), RESOURCES);
    assert_eq!(
        [POSTS, COMMENTS, ALBUMS, PHOTOS, TODOS, USERS],
        [100, 500, 100, 5000, 200, 10]
    );
    for (name, count) in expected {
        assert_eq!(
            ids(&api, &format!("/{name}")).await,
            (1..=count).collect::<Vec<_>>(),
            "/{name}"
        );
    }
}

/// Field names and their order, checked on the text the server sends: a printed `Value` must read like the real API.
async fn items_carry_the_documented_fields_in_the_documented_order(front: Front) {
    let api = front.start().await;
    let expected: [(&str, &[&str]); 6] = [
        ("posts", &["userId", "id", "title", "body"]),
        ("comments", &["postId", "id", "name", "email", "body"]),
        ("albums", &["userId", "id", "title"]),
        ("photos", &["albumId", "id", "title", "url", "thumbnailUrl"]),
        ("todos", &["userId", "id", "title", "completed"]),
        (
            "users",
            &[
                "id", "name", "username", "email", "address", "phone", "website", "company",
            ],
        ),
    ];
    for (name, fields) in expected {
        let list = get_json(&api, &format!("/{name}")).await;
        for item in list.as_array().unwrap() {
            assert_eq!(keys(item), fields, "an item of /{name}");
        }
        assert_eq!(
            keys(&get_json(&api, &format!("/{name}/1")).await),
            fields,
            "/{name}/1"
        );
    }
    // The raw text too, not only a parser's view of it.
    let (_, _, text) = get(&api, "/posts/1").await;
    assert!(
        text.starts_with("{\n  \"userId\": 1,\n  \"id\": 1,\n  \"title\": \""),
        "{text}"
    );
}

/// Users nest `address.geo` and `company`, and `lat`/`lng` are strings, as in the real data.
async fn users_nest_address_geo_and_company_with_coordinates_as_strings(front: Front) {
    let api = front.start().await;
    for user in get_json(&api, "/users").await.as_array().unwrap() {
        assert_eq!(
            keys(&user["address"]),
            ["street", "suite", "city", "zipcode", "geo"]
        );
        assert_eq!(keys(&user["address"]["geo"]), ["lat", "lng"]);
        assert_eq!(keys(&user["company"]), ["name", "catchPhrase", "bs"]);
        for coordinate in ["lat", "lng"] {
            let text = user["address"]["geo"][coordinate]
                .as_str()
                .expect("coordinates are strings");
            text.parse::<f64>().expect("a coordinate reads as a number");
        }
        let email = user["email"].as_str().unwrap();
        assert!(email.contains('@') && email.contains('.'), "{email}");
        assert!(
            user.as_object().unwrap().values().all(|value| value != ""),
            "no empty field"
        );
    }
}

/// Posts 1-10 belong to user 1, comments 1-5 to post 1, and so on for every relation.
async fn children_belong_to_their_parents_in_blocks(front: Front) {
    let api = front.start().await;
    // (resource, parent key, children per parent)
    for (name, key, per_parent) in [
        ("posts", "userId", 10),
        ("comments", "postId", 5),
        ("albums", "userId", 10),
        ("photos", "albumId", 50),
        ("todos", "userId", 20),
    ] {
        for item in get_json(&api, &format!("/{name}"))
            .await
            .as_array()
            .unwrap()
        {
            let id = item["id"].as_u64().unwrap();
            assert_eq!(
                item[key].as_u64().unwrap(),
                (id - 1) / per_parent + 1,
                "{name} {id}"
            );
        }
    }
}

/// `completed` is a real boolean, true for exactly 90 of the 200 todos.
async fn exactly_ninety_todos_are_completed_and_completed_is_a_boolean(front: Front) {
    let api = front.start().await;
    let todos = get_json(&api, "/todos").await;
    let todos = todos.as_array().unwrap();
    assert!(todos.iter().all(|todo| todo["completed"].is_boolean()));
    let done = todos
        .iter()
        .filter(|todo| todo["completed"] == true)
        .count() as u64;
    assert_eq!(done, COMPLETED_TODOS);
    assert_eq!(ids(&api, "/todos?completed=true").await.len(), 90);
    assert_eq!(ids(&api, "/todos?completed=false").await.len(), 110);
}

/// Bodies often span several lines, emails look like addresses, photos have absolute URLs.
async fn texts_are_filler_with_multi_line_bodies_and_plausible_emails(front: Front) {
    let api = front.start().await;
    let posts = get_json(&api, "/posts").await;
    let multi_line = posts
        .as_array()
        .unwrap()
        .iter()
        .filter(|post| post["body"].as_str().unwrap().contains('\n'))
        .count();
    assert!(multi_line > 50, "only {multi_line} multi-line bodies");
    for comment in get_json(&api, "/comments?postId=1")
        .await
        .as_array()
        .unwrap()
    {
        let email = comment["email"].as_str().unwrap();
        let (user, domain) = email.split_once('@').expect("an @");
        assert!(!user.is_empty() && domain.contains('.'), "{email}");
    }
    let photo = get_json(&api, "/photos/1").await;
    assert!(photo["url"].as_str().unwrap().starts_with("https://"));
    assert!(
        photo["thumbnailUrl"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
}

/// A missing or non-numeric id is a 404 whose body is `{}`, not an empty body.
async fn missing_and_non_numeric_ids_answer_404_with_an_empty_object(front: Front) {
    let api = front.start().await;
    for path in [
        "/posts/101",
        "/posts/0",
        "/posts/abc",
        "/posts/01",
        "/posts/-1",
        "/users/11",
        "/photos/5001",
    ] {
        let (status, _, body) = get(&api, path).await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::NOT_FOUND, "{}"),
            "GET {path}"
        );
    }
}

/// Anything that is not a route of the API is a 404 with `{}`.
async fn unknown_routes_and_methods_answer_404_with_an_empty_object(front: Front) {
    let api = front.start().await;
    let cases = [
        (Method::GET, "/"),
        (Method::GET, "/nope"),
        (Method::GET, "/nope/1"),
        (Method::GET, "/posts/1/nope"),
        (Method::GET, "/posts/1/comments/1"),
        (Method::POST, "/posts/1"),
        (Method::PUT, "/posts"),
        (Method::DELETE, "/posts"),
        (Method::OPTIONS, "/posts"),
    ];
    for (method, path) in cases {
        let (status, _, body) = send(&api, method.clone(), path, None).await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::NOT_FOUND, "{}"),
            "{method} {path}"
        );
    }
}

/// Every answer, errors included, says `application/json; charset=utf-8`.
async fn every_answer_is_json_with_a_utf8_charset(front: Front) {
    let api = front.start().await;
    let requests = [
        (Method::GET, "/posts"),
        (Method::GET, "/posts/1"),
        (Method::GET, "/posts/999"),
        (Method::GET, "/nope"),
        (Method::POST, "/posts"),
        (Method::DELETE, "/posts/1"),
    ];
    for (method, path) in requests {
        let (_, headers, _) = send(&api, method.clone(), path, Some("{}")).await;
        assert_eq!(
            headers["content-type"], "application/json; charset=utf-8",
            "{method} {path}"
        );
    }
}

/// `/posts/` is `/posts`.
async fn a_trailing_slash_is_tolerated(front: Front) {
    let api = front.start().await;
    assert_eq!(get(&api, "/posts/").await.2, get(&api, "/posts").await.2);
    assert_eq!(
        get(&api, "/posts/1/").await.2,
        get(&api, "/posts/1").await.2
    );
}

/// `?field=value` keeps the items whose field, written as text, equals the value.
async fn field_filters_compare_values_as_text(front: Front) {
    let api = front.start().await;
    assert_eq!(
        ids(&api, "/posts?userId=1").await,
        (1..=10).collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&api, "/comments?postId=3").await,
        (11..=15).collect::<Vec<_>>()
    );
    let title = get_json(&api, "/posts/7").await["title"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/posts?title={}", title.replace(' ', "%20"));
    assert!(ids(&api, &path).await.contains(&7));
    // Several filters must all hold.
    assert_eq!(ids(&api, "/posts?userId=1&id=3").await, [3]);
    assert_eq!(ids(&api, "/posts?userId=2&id=3").await, Vec::<u64>::new());
}

/// A repeated field is an OR: `?id=1&id=2` gives both.
async fn repeating_a_filter_field_matches_any_of_its_values(front: Front) {
    let api = front.start().await;
    assert_eq!(ids(&api, "/posts?id=1&id=2").await, [1, 2]);
    assert_eq!(ids(&api, "/users?id=3&id=1&id=99").await, [1, 3]);
}

/// No match is a 200 with `[]`, not a 404.
async fn a_filter_that_matches_nothing_gives_an_empty_list(front: Front) {
    let api = front.start().await;
    for path in [
        "/posts?userId=99",
        "/posts?noSuchField=1",
        "/todos?completed=maybe",
    ] {
        let (status, _, body) = get(&api, path).await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, "[]"), "{path}");
    }
}

/// `_limit`, `_page` (pages of `_limit`, default 10) and `_start`/`_end` slice the list.
async fn limit_page_and_start_end_slice_the_list(front: Front) {
    let api = front.start().await;
    assert_eq!(ids(&api, "/posts?_limit=5").await, [1, 2, 3, 4, 5]);
    assert_eq!(
        ids(&api, "/posts?_page=2").await,
        (11..=20).collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&api, "/posts?_page=3&_limit=7").await,
        (15..=21).collect::<Vec<_>>()
    );
    assert_eq!(ids(&api, "/posts?_page=11").await, Vec::<u64>::new());
    assert_eq!(
        ids(&api, "/posts?_start=20&_end=25").await,
        [21, 22, 23, 24, 25]
    );
    assert_eq!(
        ids(&api, "/posts?_start=95&_limit=10").await,
        [96, 97, 98, 99, 100]
    );
}

/// `X-Total-Count` comes with any slice, and counts the filtered list before slicing.
async fn x_total_count_gives_the_total_after_filtering_and_before_slicing(front: Front) {
    let api = front.start().await;
    for (path, total) in [
        ("/posts?_limit=5", "100"),
        ("/posts?_page=2", "100"),
        ("/posts?_start=3&_end=6", "100"),
        ("/posts?userId=1&_limit=3", "10"),
        ("/photos?albumId=2&_page=2&_limit=20", "50"),
    ] {
        let (_, headers, _) = get(&api, path).await;
        assert_eq!(total_count(&headers), Some(total), "{path}");
    }
    let (_, headers, _) = get(&api, "/posts?userId=1").await;
    assert_eq!(total_count(&headers), None, "no slicing, no count");
}

/// A `_page` answer links to the first, previous, next and last pages, as json-server does.
async fn pages_link_to_their_neighbours(front: Front) {
    let api = front.start().await;
    let (_, headers, _) = get(&api, "/posts?_page=2&_limit=10").await;
    let link = headers["link"].to_str().unwrap();
    assert!(link.contains("_page=1&_limit=10>; rel=\"first\""), "{link}");
    assert!(link.contains("_page=1&_limit=10>; rel=\"prev\""), "{link}");
    assert!(link.contains("_page=3&_limit=10>; rel=\"next\""), "{link}");
    assert!(link.contains("_page=10&_limit=10>; rel=\"last\""), "{link}");
}

/// `_sort`/`_order` sort numbers as numbers (100 after 99) and strings as text, by several fields if asked.
async fn sort_orders_numbers_numerically_and_strings_as_text(front: Front) {
    let api = front.start().await;
    assert_eq!(
        ids(&api, "/posts?_sort=id&_order=desc").await,
        (1..=100).rev().collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&api, "/posts?_sort=id").await,
        (1..=100).collect::<Vec<_>>()
    );
    let sorted = get_json(&api, "/posts?_sort=title&_order=asc").await;
    let titles: Vec<&str> = sorted
        .as_array()
        .unwrap()
        .iter()
        .map(|post| post["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.windows(2).all(|pair| pair[0] <= pair[1]),
        "titles in text order"
    );
    // Several fields: users' posts from the last user first, each user's posts by id.
    let posts = get_json(&api, "/posts?_sort=userId,id&_order=desc,asc&_limit=3").await;
    let pairs: Vec<(u64, u64)> = posts
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["userId"].as_u64().unwrap(), p["id"].as_u64().unwrap()))
        .collect();
    assert_eq!(pairs, [(10, 91), (10, 92), (10, 93)]);
}

/// Every nested route sends exactly the bytes of the filtered list it stands for.
async fn nested_routes_answer_like_the_filtered_lists(front: Front) {
    let api = front.start().await;
    for (nested, filtered) in [
        ("/posts/1/comments", "/comments?postId=1"),
        ("/albums/1/photos", "/photos?albumId=1"),
        ("/users/1/albums", "/albums?userId=1"),
        ("/users/1/todos", "/todos?userId=1"),
        ("/users/1/posts", "/posts?userId=1"),
        ("/users/3/posts?_limit=2", "/posts?userId=3&_limit=2"),
    ] {
        let (nested_status, _, nested_body) = get(&api, nested).await;
        assert_eq!(nested_status, StatusCode::OK, "{nested}");
        assert_eq!(
            nested_body,
            get(&api, filtered).await.2,
            "{nested} vs {filtered}"
        );
    }
    assert_eq!(ids(&api, "/posts/1/comments").await, [1, 2, 3, 4, 5]);
    assert_eq!(get(&api, "/posts/999/comments").await.2, "[]");
}

/// POST answers 201 with the sent object and the next id, and stores nothing; a non-object body counts as `{}`.
async fn post_answers_201_with_the_next_id_and_stores_nothing(front: Front) {
    let api = front.start().await;
    let (status, headers, body) = send(
        &api,
        Method::POST,
        "/posts",
        Some(r#"{"title":"foo","body":"bar","userId":1}"#),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        headers.get("location").and_then(|v| v.to_str().ok()),
        Some(format!("{}/posts/101", api.uri()).as_str()),
        "201 Created says where the new item would live"
    );
    let created: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        created,
        json!({"title": "foo", "body": "bar", "userId": 1, "id": 101})
    );
    assert_eq!(keys(&created), ["title", "body", "userId", "id"]);
    for _ in 0..3 {
        send(&api, Method::POST, "/posts", Some("{}")).await;
    }
    assert_eq!(ids(&api, "/posts").await.len(), 100, "nothing was stored");
    let (status, _, body) = send(&api, Method::POST, "/comments", Some("not json")).await;
    assert_eq!(
        (status, serde_json::from_str::<Value>(&body).unwrap()),
        (StatusCode::CREATED, json!({"id": 501}))
    );
    let (_, _, body) = send(&api, Method::POST, "/users", Some("[1, 2]")).await;
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        json!({"id": 11})
    );
}

/// PUT answers what was sent with the path's id, whatever id the body claimed.
async fn put_answers_the_sent_object_with_the_id_from_the_path(front: Front) {
    let api = front.start().await;
    let (status, _, body) = send(
        &api,
        Method::PUT,
        "/posts/1",
        Some(r#"{"id":55,"title":"foo","userId":1}"#),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let replaced: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(replaced, json!({"title": "foo", "userId": 1, "id": 1}));
    assert_eq!(keys(&replaced), ["title", "userId", "id"]);
}

/// PATCH answers the stored item with the sent fields laid over it, keeping the field order.
async fn patch_answers_the_stored_item_with_the_sent_fields_laid_over_it(front: Front) {
    let api = front.start().await;
    let stored = get_json(&api, "/posts/2").await;
    let (status, _, body) = send(
        &api,
        Method::PATCH,
        "/posts/2",
        Some(r#"{"title":"changed","id":9,"extra":true}"#),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let patched: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(keys(&patched), ["userId", "id", "title", "body", "extra"]);
    assert_eq!(patched["id"], 2);
    assert_eq!(patched["title"], "changed");
    assert_eq!(patched["body"], stored["body"]);
    assert_eq!(
        get_json(&api, "/posts/2").await,
        stored,
        "nothing was stored"
    );
}

/// DELETE answers `{}` and deletes nothing.
async fn delete_answers_an_empty_object(front: Front) {
    let api = front.start().await;
    let (status, _, body) = send(&api, Method::DELETE, "/posts/1", None).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "{}"));
    assert_eq!(
        get(&api, "/posts/1").await.0,
        StatusCode::OK,
        "nothing was deleted"
    );
}

/// PUT, PATCH and DELETE on a missing item are 404 with `{}`.
async fn writes_to_a_missing_item_answer_404_with_an_empty_object(front: Front) {
    let api = front.start().await;
    for method in [Method::PUT, Method::PATCH, Method::DELETE] {
        for path in ["/posts/101", "/posts/abc", "/nope/1"] {
            let (status, _, body) = send(&api, method.clone(), path, Some("{}")).await;
            assert_eq!(
                (status, body.as_str()),
                (StatusCode::NOT_FOUND, "{}"),
                "{method} {path}"
            );
        }
    }
}

/// The two front ends answer alike, byte for byte and header for header (but `date`), on a
/// sample of every kind of route: the contract tests above check each against the rules, this
/// checks them against each other, which also covers whatever the rules forgot.
#[tokio::test]
async fn both_front_ends_send_the_same_statuses_headers_and_bytes() {
    let (wiremock, hyper) = (Front::Wiremock.start().await, Front::Hyper.start().await);
    let requests = [
        (Method::GET, "/users", None),
        (Method::GET, "/photos/17", None),
        (Method::GET, "/posts/1/comments", None),
        (Method::GET, "/posts?userId=2&_sort=title&_order=desc", None),
        (Method::GET, "/comments?_page=3&_limit=7", None),
        (Method::GET, "/todos?completed=true&_start=5&_end=9", None),
        (Method::GET, "/nope", None),
        (Method::HEAD, "/posts/2", None),
        (Method::POST, "/albums", Some(r#"{"title":"x","userId":2}"#)),
        (Method::PUT, "/posts/3", Some(r#"{"title":"y"}"#)),
        (Method::PATCH, "/todos/4", Some(r#"{"completed":true}"#)),
        (Method::DELETE, "/users/5", None),
    ];
    for (method, path, body) in requests {
        let mut answers = Vec::new();
        for api in [&wiremock, &hyper] {
            let (status, mut headers, text) = send(api, method.clone(), path, body).await;
            headers.remove("date");
            // Link and Location name the host the request was sent to, which differs by port.
            let mut with_host = |name: &str| {
                headers
                    .remove(name)
                    .map(|value| value.to_str().unwrap().replace(&api.uri(), "<base>"))
            };
            let (link, location) = (with_host("link"), with_host("location"));
            answers.push((status, headers, link, location, text));
        }
        assert_eq!(answers[0], answers[1], "{method} {path}");
    }
}

/// HEAD answers like GET, headers and all, without the body.
async fn head_is_get_without_the_body(front: Front) {
    let api = front.start().await;
    for path in ["/posts/1", "/posts?_limit=2", "/nope"] {
        let (get_status, mut get_headers, get_body) = get(&api, path).await;
        let (status, mut headers, body) = send(&api, Method::HEAD, path, None).await;
        assert_eq!(body, "", "HEAD {path}");
        assert_eq!(status, get_status, "HEAD {path}");
        assert_eq!(
            headers["content-length"],
            get_body.len().to_string().as_str(),
            "HEAD {path}"
        );
        get_headers.remove("date");
        headers.remove("date");
        assert_eq!(headers, get_headers, "HEAD {path}");
    }
}

/// `uri()` is `http://` plus `address()`, ready for `format!("{uri}/posts/1")`.
#[tokio::test]
async fn the_uri_has_no_trailing_slash_and_names_the_address() {
    let api = MockApi::start().await;
    assert_eq!(api.uri(), format!("http://{}", api.address()));
    assert!(api.address().ip().is_loopback());
    assert!(!api.uri().ends_with('/'));
}

/// A listener bound by the caller is the one the server uses.
#[tokio::test]
async fn a_given_listener_is_used() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let api = MockApi::builder().listener(listener).start().await;
    assert_eq!(api.address(), address);
    assert_eq!(get_json(&Api::Wiremock(api), "/users/1").await["id"], 1);
}
