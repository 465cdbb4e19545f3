//! Wrong: the URL must be made "by appending to base_url, which may end in a path that must be kept"; this learner builds it the urllib way (`urlparse(base)._replace(path=…)`), with `Url::set_path("/posts/{id}")`, which replaces the base's path: under `http://host/api` the requests go to `http://host/posts/{id}`. Identical whenever the base URL has no path.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::{Client, Url};
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids.iter().map(|&id| (id, post_url(base_url, id))).collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}

/// The post's URL, built with a URL parser rather than by gluing strings, so that a base with
/// or without a trailing slash gives the same URL.
fn post_url(base_url: &str, id: u64) -> String {
    match Url::parse(base_url) {
        Ok(mut url) => {
            url.set_path(&format!("/posts/{id}"));
            url.into()
        }
        // Not a URL: leave it to reqwest to say so, as it does for any bad URL.
        Err(_) => format!("{base_url}/posts/{id}"),
    }
}
