//! The six JSONPlaceholder resources as Rust types.
//!
//! The API speaks camelCase (`userId`), Rust speaks snake_case (`user_id`): one
//! `#[serde(rename_all = "camelCase")]` per struct maps between them, so the Rust side stays
//! idiomatic. A field the struct does not name is ignored when decoding, and a field the
//! struct names but the body lacks is an error ("missing field `body`"): that is how serde tells
//! you the JSON is not the shape you expected.

use serde::{Deserialize, Serialize};

/// A blog post: `GET /posts/1`. Posts 1-10 belong to user 1, 11-20 to user 2, and so on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub user_id: u64,
    pub id: u64,
    pub title: String,
    pub body: String,
}

/// A comment on a post: `GET /comments/1` or `GET /posts/1/comments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub post_id: u64,
    pub id: u64,
    pub name: String,
    pub email: String,
    pub body: String,
}

/// A photo album: `GET /albums/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Album {
    pub user_id: u64,
    pub id: u64,
    pub title: String,
}

/// A photo in an album: `GET /photos/1`. There are 5,000 of them, which makes them the
/// resource for lessons about many requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    pub album_id: u64,
    pub id: u64,
    pub title: String,
    pub url: String,
    pub thumbnail_url: String,
}

/// A to-do item: `GET /todos/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Todo {
    pub user_id: u64,
    pub id: u64,
    pub title: String,
    pub completed: bool,
}

/// A user, with nested address and company: `GET /users/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: u64,
    pub name: String,
    pub username: String,
    pub email: String,
    pub address: Address,
    pub phone: String,
    pub website: String,
    pub company: Company,
}

/// Where a [`User`] lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub street: String,
    pub suite: String,
    pub city: String,
    pub zipcode: String,
    pub geo: Geo,
}

/// Coordinates of an [`Address`].
///
/// The API sends them as strings (`"lat": "-37.3159"`), not numbers, so they are `String`
/// here: a type must describe the JSON that arrives, not the JSON we wish had arrived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Geo {
    pub lat: String,
    pub lng: String,
}

/// Where a [`User`] works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Company {
    pub name: String,
    pub catch_phrase: String,
    pub bs: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_reads_camel_case_fields() {
        let post: Post =
            serde_json::from_str(r#"{"userId": 1, "id": 2, "title": "t", "body": "b"}"#).unwrap();
        assert_eq!(post.user_id, 1);
        assert_eq!(post.id, 2);
    }

    #[test]
    fn geo_coordinates_are_strings_as_the_api_sends_them() {
        let geo: Geo = serde_json::from_str(r#"{"lat": "-37.3159", "lng": "81.1496"}"#).unwrap();
        assert_eq!(geo.lat, "-37.3159");
        assert!(serde_json::from_str::<Geo>(r#"{"lat": -37.3, "lng": 81.1}"#).is_err());
    }

    #[test]
    fn a_missing_field_is_named_in_the_error() {
        let err = serde_json::from_str::<Post>(r#"{"userId": 1, "id": 1, "title": "t"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("missing field `body`"), "{err}");
    }
}
