//! Where a lesson's requests go, chosen on the command line.
//!
//! Every lesson takes the same two flags (through [`ApiArgs`], flattened into its own
//! arguments):
//!
//! - `--base-url URL` (or the `API_BASE_URL` environment variable): a real server, such as
//!   `https://jsonplaceholder.typicode.com`, or a mock server started with
//!   `cargo run -p mock-server`;
//! - neither: the lesson starts the course's mock JSONPlaceholder inside its own process, on a
//!   free port of this machine, and says so in one line. That is why `cargo run -p lesson-03`
//!   works on a fresh clone with no network and nothing started by hand.

use std::time::Duration;

use mock_server::{Latency, ServeOptions, serve};
use reqwest::Client;
use tokio::sync::oneshot;

use crate::{Error, client};

/// The command-line flags that pick the API. Add them to a lesson's arguments with
/// `#[command(flatten)]`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ApiArgs {
    /// The API to call, such as https://jsonplaceholder.typicode.com or a running mock-server's
    /// URL. Without it the lesson starts the course's mock server itself.
    #[arg(long, env = "API_BASE_URL", value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,

    /// Make the built-in mock server wait this long before each answer, like a distant server:
    /// 200ms, 1s, or a range such as 100ms..300ms.
    #[arg(long, value_name = "DURATION", conflicts_with = "base_url")]
    pub latency: Option<Latency>,
}

/// A client and the server it talks to: everything a lesson needs to send requests.
///
/// When the server is the built-in mock, `Api` owns it too, and the mock stops when `Api` is
/// dropped at the end of `main`.
pub struct Api {
    /// The one client for all requests (see [`crate::client`]).
    pub client: Client,
    /// The server's address without a trailing slash: `format!("{base_url}/posts/1")` is a URL.
    pub base_url: String,
    /// Keeps the in-process mock server running: dropping it tells the server to stop.
    _mock: Option<oneshot::Sender<()>>,
}

impl ApiArgs {
    /// Connects to the server the flags name, or starts the built-in mock with `--latency`
    /// (or `default_latency` when that flag is absent).
    ///
    /// # Errors
    /// Fails if the HTTP client cannot be built, or the built-in mock cannot start.
    pub async fn connect(&self, default_latency: Latency) -> Result<Api, Error> {
        self.connect_with(ServeOptions {
            latency: default_latency,
            ..ServeOptions::default()
        })
        .await
    }

    /// Like [`connect`](Self::connect), for a lesson whose built-in mock needs more knobs than
    /// latency: faults and a seed. `--latency`, when given, replaces `mock.latency`. With
    /// `--base-url` the knobs are unused: a real server fails only when it fails.
    ///
    /// # Errors
    /// Fails if the HTTP client cannot be built, or the built-in mock cannot start.
    pub async fn connect_with(&self, mock: ServeOptions) -> Result<Api, Error> {
        let (base_url, stop) = match &self.base_url {
            Some(url) => (url.clone(), None),
            None => {
                let options = ServeOptions {
                    latency: self.latency.unwrap_or(mock.latency),
                    ..mock
                };
                let latency = options.latency;
                let faults: Vec<String> = options.faults.iter().map(ToString::to_string).collect();
                let (base_url, stop) = start_built_in_mock(options)?;
                eprintln!(
                    "Using the built-in mock API at {base_url}{}",
                    describe_latency(latency),
                );
                for fault in faults {
                    eprintln!("  failing on purpose: {fault}");
                }
                (base_url, Some(stop))
            }
        };
        Ok(Api {
            client: client::client(&base_url)?,
            base_url,
            _mock: stop,
        })
    }
}

/// Starts the course's mock API on a free loopback port, on a thread of its own.
///
/// It is the same server as `cargo run -p mock-server`, and it keeps no record of the requests,
/// so a lesson may send thousands. Its own thread and runtime keep the server's work apart from
/// the lesson's, as if it ran on another machine: the lesson's timings measure the client. It
/// stops when the returned sender is dropped, or when the program ends.
fn start_built_in_mock(options: ServeOptions) -> Result<(String, oneshot::Sender<()>), Error> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|err| format!("could not start the built-in mock server: {err}"))?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (stop, stopped) = oneshot::channel::<()>();
    // The sender is dropped when the lesson is done; then the server stops.
    let shutdown = async {
        let _ = stopped.await;
    };
    // `serve` prepares the data set here, before the lesson sends its first request.
    let server = serve(listener, options, shutdown);
    std::thread::spawn(move || {
        if let Err(err) = runtime.block_on(server) {
            eprintln!("the built-in mock server stopped: {err}");
        }
    });
    Ok((base_url, stop))
}

/// " (answers after 200ms)", or nothing for a server that answers at once.
fn describe_latency(latency: Latency) -> String {
    match latency {
        Latency::None => String::new(),
        Latency::Fixed(delay) => format!(" (answers after {})", format_duration(delay)),
        Latency::Range { min, max } => format!(
            " (answers after {} to {})",
            format_duration(min),
            format_duration(max)
        ),
    }
}

/// A URL on this machine where nothing listens, for as long as the program runs. Where a lesson
/// shows what a refused connection looks like.
///
/// The port stays bound by a socket that never listens: connecting to it is refused, and no
/// server the program starts later can be given it. (A port bound and freed again could be: the
/// lesson's own next server would then answer where "nothing listens".) The socket is kept
/// open on purpose until the program ends.
///
/// # Errors
/// If no loopback port can be had at all.
pub fn unused_local_url() -> std::io::Result<String> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))?;
    let port = socket.local_addr()?.port();
    std::mem::forget(socket);
    Ok(format!("http://127.0.0.1:{port}"))
}

/// A duration the way a person writes it: `200ms`, `1.50s`.
pub fn format_duration(duration: Duration) -> String {
    if duration < Duration::from_secs(1) {
        format!("{}ms", duration.as_millis())
    } else {
        format!("{:.2}s", duration.as_secs_f64())
    }
}

/// Checks a `--base-url` value: an absolute `http` or `https` URL, kept without its trailing
/// slash so that lessons can append `/posts/1`.
///
/// # Errors
/// A message for clap to print after "invalid value '…' for '--base-url <URL>':".
pub fn parse_base_url(value: &str) -> Result<String, String> {
    const EXAMPLES: &str =
        "use a URL such as http://127.0.0.1:3000 or https://jsonplaceholder.typicode.com";
    let url = reqwest::Url::parse(value).map_err(|err| format!("{err}; {EXAMPLES}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "the scheme must be http or https, not {}; {EXAMPLES}",
            url.scheme()
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("a base URL has no ?query or #fragment; {EXAMPLES}"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_loses_its_trailing_slash() {
        assert_eq!(
            parse_base_url("http://127.0.0.1:3000/").unwrap(),
            "http://127.0.0.1:3000"
        );
        assert_eq!(
            parse_base_url("https://example.com/api/").unwrap(),
            "https://example.com/api"
        );
    }

    #[test]
    fn base_url_rejects_what_is_not_an_http_url() {
        for bad in ["not-a-url", "ftp://example.com", "http://x/?a=1", ""] {
            let err = parse_base_url(bad).unwrap_err();
            assert!(err.contains("http://127.0.0.1:3000"), "{bad}: {err}");
        }
    }

    #[test]
    fn durations_read_like_a_person_writes_them() {
        assert_eq!(format_duration(Duration::from_millis(200)), "200ms");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.50s");
    }

    #[tokio::test]
    async fn without_a_base_url_a_mock_server_is_started_and_answers() {
        let api = ApiArgs::default().connect(Latency::None).await.unwrap();
        assert!(
            api.base_url.starts_with("http://127.0.0.1:"),
            "{}",
            api.base_url
        );
        let status = api
            .client
            .get(format!("{}/posts/1", api.base_url))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 200);
    }
}
