//! `cargo xtask browser`: the built book as readers see it, in a real browser.
//!
//! Headless Chromium opens every chapter at a desktop width (1280 px) and a phone's (390 px),
//! and the check fails on what a reader would meet:
//! - content wider than the viewport, or cut off inside a box that scrolls sideways (a long code
//!   line, a wide table);
//! - an error on the browser's console (a script that failed, a file that did not load);
//! - an image that does not load;
//! - a search index that does not load or finds nothing;
//! - a sidebar label whose lesson number disagrees with the chapter it links to, or a hint listed
//!   there as a heading (hints are folded `<details>`, not headings).
//!
//! We speak the Chrome DevTools protocol ourselves: JSON messages over one WebSocket
//! (`tungstenite`), a dozen commands in all. The full client crates generate the whole protocol
//! and cost a minute of build time more than this command needs.
//!
//! Chromium is not Rust's to install: this command finds it (`CHROMIUM`, else `chromium`,
//! `chromium-browser` or `google-chrome` on `PATH`) and says what to install when it is
//! missing. `.ci/run` installs Debian's package.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

use crate::course::Course;
use crate::error::{Error, Result};
use crate::tools::MDBOOK;

/// The widths every chapter is opened at: a laptop's window, and a phone held upright.
const WIDTHS: [u32; 2] = [1280, 390];

/// How long the browser may take to start, a page to load, or one command to answer.
const WAIT: Duration = Duration::from_secs(30);

/// What the page itself reports, as a list of problems (empty when all is well). Run after the
/// page's `load` event, in the page.
const PAGE_CHECKS: &str = r#"(() => {
  const problems = [];
  const name = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += '#' + el.id;
    const words = (el.innerText || el.getAttribute('alt') || '').trim().replace(/\s+/g, ' ');
    return text + (words ? ` "${words.slice(0, 60)}${words.length > 60 ? '…' : ''}"` : '');
  };
  const viewport = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth;
  if (page > viewport + 1) problems.push(`the page is ${page} px wide, wider than the ${viewport} px window`);
  // One report per element that is too wide, not one for each of its children.
  const reported = [];
  const clips = (style) => ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
  for (const el of document.querySelectorAll('main *')) {
    if (reported.some((outer) => outer.contains(el))) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > viewport + 1) {
      problems.push(`${name(el)} reaches ${Math.round(box.right)} px, past the ${viewport} px window`);
      reported.push(el);
    } else if (el.scrollWidth > el.clientWidth + 1 && clips(style)) {
      problems.push(`${name(el)} is cut: ${el.scrollWidth} px of content in a box ${el.clientWidth} px wide`);
      reported.push(el);
    }
  }
  for (const img of document.querySelectorAll('img')) {
    if (!img.complete || img.naturalWidth === 0) problems.push(`the image ${img.getAttribute('src')} did not load`);
    else if (!(img.getAttribute('alt') || '').trim()) problems.push(`the image ${img.getAttribute('src')} has no alt text`);
  }
  for (const link of document.querySelectorAll('#mdbook-sidebar a, nav.sidebar a, .sidebar a')) {
    const label = link.textContent.trim().replace(/\s+/g, ' ');
    if (/^Hint \d/.test(label)) problems.push(`the sidebar lists a hint as a heading: "${label}"`);
    const said = label.match(/^(?:(\d+)\.\s*)?Lesson (\d+)/);
    if (!said) continue;
    const target = (link.getAttribute('href') || '').match(/lesson-(\d+)\.html/);
    if (!target || Number(target[1]) !== Number(said[2])) problems.push(`the sidebar label "${label}" links to ${link.getAttribute('href')}`);
    else if (said[1] !== undefined && Number(said[1]) !== Number(said[2])) problems.push(`the sidebar numbers "${label}" as chapter ${said[1]}`);
  }
  return problems;
})()"#;

/// How many search results the search page shows; read until it is not 0.
const SEARCH_RESULTS: &str =
    "document.querySelectorAll('#mdbook-searchresults li, #searchresults li').length";

pub fn browser(course: &Course) -> Result<()> {
    let book = build_book(course.root())?;
    let chromium = find_chromium()?;
    let pages = chapters(&book)?;
    println!(
        "opening {} chapters at {} px in {}",
        pages.len(),
        WIDTHS.map(|w| w.to_string()).join(" and "),
        chromium.display()
    );

    let profile = course.root().join("target/xtask/chromium-profile");
    let _ = std::fs::remove_dir_all(&profile);
    let mut browser = Browser::start(&chromium, &profile)?;
    let mut problems = Vec::new();
    for width in WIDTHS {
        browser.set_width(width)?;
        for page in &pages {
            let url = file_url(&book.join(page))?;
            for problem in browser.check_page(&url)? {
                problems.push(format!("{page} at {width} px: {problem}"));
            }
        }
    }
    problems.extend(browser.check_search(&file_url(&book.join("index.html"))?)?);
    drop(browser);
    let _ = std::fs::remove_dir_all(&profile);

    for problem in &problems {
        println!("  ✗ {problem}");
    }
    if problems.is_empty() {
        println!("browser ✓: every chapter fits at every width, loads every image, logs no error");
        Ok(())
    } else {
        Err(Error::Failed(format!(
            "the book has {} problem(s) in the browser (above)",
            problems.len()
        )))
    }
}

/// Builds the book with the pinned mdBook and returns the folder of its HTML.
fn build_book(root: &Path) -> Result<PathBuf> {
    let mdbook = MDBOOK.ensure(root)?;
    let status = Command::new(mdbook)
        .args(["build", "book"])
        .current_dir(root)
        .stdin(Stdio::null())
        .status()
        .map_err(|error| Error::Failed(format!("could not run mdbook: {error}")))?;
    if !status.success() {
        return Err(Error::Failed(format!(
            "`mdbook build book` failed ({status})"
        )));
    }
    Ok(root.join("book/build"))
}

/// The browser to drive: `CHROMIUM` if set, else the first of the usual names on `PATH`.
fn find_chromium() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(Error::Failed(
        "no Chromium found: install it (Debian: `apt-get install chromium`) or set CHROMIUM to \
         the browser's path"
            .to_string(),
    ))
}

/// The chapters of the built book, as file names: every page but mdBook's own (the print
/// version, the 404 page, the table of contents for browsers without scripts).
fn chapters(book: &Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(book)
        .map_err(|error| Error::Failed(format!("could not list {}: {error}", book.display())))?;
    let mut pages: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html"))
        .filter(|name| !matches!(name.as_str(), "print.html" | "404.html" | "toc.html"))
        .collect();
    pages.sort();
    Ok(pages)
}

fn file_url(path: &Path) -> Result<String> {
    let path = path
        .canonicalize()
        .map_err(|error| Error::Failed(format!("{}: {error}", path.display())))?;
    Ok(format!("file://{}", path.display()))
}

/// A headless Chromium, and one page of it driven over the DevTools protocol.
struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    /// The page's session on the browser's socket (`Target.attachToTarget` with `flatten`).
    session: String,
    next_id: u64,
    /// Events that arrived while we waited for an answer, oldest first.
    events: VecDeque<Value>,
}

impl Browser {
    fn start(chromium: &Path, profile: &Path) -> Result<Browser> {
        let mut child = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| {
                Error::Failed(format!("could not start {}: {error}", chromium.display()))
            })?;
        // Chromium says where its DevTools socket is on stderr. A thread reads every line (the
        // rest too, so that a full pipe never stops the browser) and passes the address on.
        let Some(stderr) = child.stderr.take() else {
            let _ = child.kill();
            return Err(Error::Failed(
                "could not read the browser's stderr".to_string(),
            ));
        };
        let (address, found) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(|line| line.ok()) {
                if let Some(at) = line.find("ws://") {
                    let _ = address.send(line[at..].trim().to_string());
                }
            }
        });
        let Ok(url) = found.recv_timeout(WAIT) else {
            let _ = child.kill();
            return Err(Error::Failed(format!(
                "{} did not open its DevTools socket within {} s",
                chromium.display(),
                WAIT.as_secs()
            )));
        };
        let socket = connect(&url).inspect_err(|_| {
            let _ = child.kill();
        })?;
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            events: VecDeque::new(),
        };
        let target = browser.call("Target.createTarget", json!({ "url": "about:blank" }))?;
        let target = target["targetId"].clone();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        )?;
        browser.session = attached["sessionId"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            browser.call(domain, json!({}))?;
        }
        Ok(browser)
    }

    fn set_width(&mut self, width: u32) -> Result<()> {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )?;
        Ok(())
    }

    /// Opens `url`, waits for it to load, and returns what is wrong with it.
    fn check_page(&mut self, url: &str) -> Result<Vec<String>> {
        self.open(url)?;
        let mut problems = self.console_errors();
        let found = self.evaluate(PAGE_CHECKS)?;
        problems.extend(
            found
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|problem| problem.as_str().map(str::to_string)),
        );
        // mdBook draws every image twice (the picture, and a hidden copy to zoom into), and a
        // missing file fails both: say each problem once.
        let mut seen = std::collections::HashSet::new();
        problems.retain(|problem| seen.insert(problem.clone()));
        Ok(problems)
    }

    /// Searches for a word every chapter uses and waits for results: the index is a separate
    /// file that the search box loads on first use.
    fn check_search(&mut self, index: &str) -> Result<Vec<String>> {
        self.open(&format!("{index}?search=reqwest"))?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let errors = self.console_errors();
            if !errors.is_empty() {
                return Ok(errors
                    .into_iter()
                    .map(|error| format!("search: {error}"))
                    .collect());
            }
            if self.evaluate(SEARCH_RESULTS)?.as_u64().unwrap_or(0) > 0 {
                return Ok(Vec::new());
            }
            if Instant::now() > deadline {
                return Ok(vec![
                    "search: a search for \"reqwest\" found nothing within 10 s (is the search \
                     index missing?)"
                        .to_string(),
                ]);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn open(&mut self, url: &str) -> Result<()> {
        self.events.clear();
        self.call("Page.navigate", json!({ "url": url }))?;
        self.wait_for("Page.loadEventFired")?;
        // Scripts that run after `load` (the sidebar, highlighting) get a moment to finish.
        self.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)))")?;
        Ok(())
    }

    /// The console errors, uncaught exceptions and failed loads seen since the page opened.
    fn console_errors(&mut self) -> Vec<String> {
        let mut errors = Vec::new();
        for event in self.events.drain(..) {
            let params = &event["params"];
            match event["method"].as_str() {
                Some("Runtime.exceptionThrown") => errors.push(format!(
                    "an uncaught exception: {}",
                    params["exceptionDetails"]["exception"]["description"]
                        .as_str()
                        .or(params["exceptionDetails"]["text"].as_str())
                        .unwrap_or("?")
                )),
                Some("Runtime.consoleAPICalled") if params["type"] == "error" => {
                    let words: Vec<String> = params["args"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|arg| {
                            arg["value"]
                                .as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| arg["description"].to_string())
                        })
                        .collect();
                    errors.push(format!("console.error: {}", words.join(" ")));
                }
                Some("Log.entryAdded") if params["entry"]["level"] == "error" => {
                    let entry = &params["entry"];
                    errors.push(format!(
                        "console: {} {}",
                        entry["text"].as_str().unwrap_or("?"),
                        entry["url"].as_str().unwrap_or("")
                    ));
                }
                _ => {}
            }
        }
        errors
    }

    /// Runs `expression` in the page (awaiting it if it is a promise) and returns its value.
    fn evaluate(&mut self, expression: &str) -> Result<Value> {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(details) = result.get("exceptionDetails") {
            return Err(Error::Failed(format!(
                "a check script failed in the page: {}",
                details["exception"]["description"]
                    .as_str()
                    .unwrap_or("(no description)")
            )));
        }
        Ok(result["result"]["value"].clone())
    }

    /// Sends one command and returns its result; events that come first are kept.
    fn call(&mut self, method: &str, params: Value) -> Result<Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .map_err(|error| lost(method, &error))?;
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self.receive(method, deadline)?;
            if message["id"] == id {
                if let Some(error) = message.get("error") {
                    return Err(Error::Failed(format!(
                        "the browser refused {method}: {}",
                        error["message"].as_str().unwrap_or("?")
                    )));
                }
                return Ok(message["result"].clone());
            }
            if message.get("method").is_some() {
                self.events.push_back(message);
            }
        }
    }

    /// Waits for the event `method`, keeping the others.
    fn wait_for(&mut self, method: &str) -> Result<()> {
        if self.events.iter().any(|event| event["method"] == method) {
            return Ok(());
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self.receive(method, deadline)?;
            let done = message["method"] == method;
            if message.get("method").is_some() {
                self.events.push_back(message);
            }
            if done {
                return Ok(());
            }
        }
    }

    /// The next JSON message from the browser, or an error once `deadline` has passed.
    fn receive(&mut self, waiting_for: &str, deadline: Instant) -> Result<Value> {
        loop {
            if Instant::now() > deadline {
                return Err(Error::Failed(format!(
                    "the browser did not answer {waiting_for} within {} s",
                    WAIT.as_secs()
                )));
            }
            match self.socket.read() {
                Ok(Message::Text(text)) => {
                    return serde_json::from_str(text.as_str()).map_err(|error| {
                        Error::Failed(format!(
                            "the browser sent a message that is not JSON: {error}"
                        ))
                    });
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(error))
                    if matches!(
                        error.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(error) => return Err(lost(waiting_for, &error)),
            }
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.socket.close(None);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Opens the browser's DevTools WebSocket at `url` (`ws://127.0.0.1:PORT/devtools/browser/…`).
fn connect(url: &str) -> Result<WebSocket<TcpStream>> {
    let address = url
        .strip_prefix("ws://")
        .and_then(|rest| rest.split('/').next())
        .ok_or_else(|| Error::Failed(format!("the browser gave an odd DevTools address: {url}")))?;
    let stream = TcpStream::connect(address)
        .map_err(|error| Error::Failed(format!("could not reach the browser at {url}: {error}")))?;
    let timeout = |stream: &TcpStream, limit| {
        stream
            .set_read_timeout(Some(limit))
            .map_err(|error| Error::Failed(format!("the DevTools socket: {error}")))
    };
    timeout(&stream, WAIT)?;
    let (socket, _) = tungstenite::client(url, stream).map_err(|error| {
        Error::Failed(format!(
            "could not open the DevTools socket at {url}: {error}"
        ))
    })?;
    // From now on a read never waits long, so that every wait is bounded by its own deadline.
    timeout(socket.get_ref(), Duration::from_millis(500))?;
    Ok(socket)
}

fn lost(during: &str, error: &tungstenite::Error) -> Error {
    Error::Failed(format!("lost the browser during {during}: {error}"))
}
