//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that
//! must be kept"
//! The learner has deployed PHP and CGI APIs and knows a base URL may name the API's entry script
//! (`http://host/app/index.php`, `api.cgi`): "`posts/1` sits beside the script, as a browser resolves a
//! link on that page", so when the base's last segment ends in a known script or page extension
//! (`.php`, `.cgi`, `.asp`, `.jsp`, `.html`, ...), the post's URL is `Url::join`ed to it, which
//! replaces that segment. Every other base is appended to as text, so `/api`, `/v1.1` (a version, not
//! an extension), `/posts` and credentials are kept; a front controller's `/index.php` loses its name,
//! where its PATH_INFO route is `/index.php/posts/1`.

use futures::future::join_all;
use reqwest::Client;

/// Extensions of scripts and pages, whose neighbours a browser would resolve a link to.
const SCRIPT_EXTENSIONS: [&str; 10] = [
    "php", "cgi", "pl", "py", "asp", "aspx", "jsp", "html", "htm", "fcgi",
];

/// `{base_url}/posts/{id}`, or `posts/{id}` beside the script when the base names one.
fn post_url(base_url: &str, id: u64) -> String {
    if let Ok(base) = reqwest::Url::parse(base_url) {
        let last = base
            .path_segments()
            .and_then(|mut segments| segments.next_back())
            .unwrap_or("")
            .to_owned();
        let names_a_script = last.rsplit_once('.').is_some_and(|(stem, extension)| {
            !stem.is_empty() && SCRIPT_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
        });
        if names_a_script {
            if let Ok(joined) = base.join(&format!("posts/{id}")) {
                return joined.to_string();
            }
        }
    }
    format!("{base_url}/posts/{id}")
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(post_url(base_url, id))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
