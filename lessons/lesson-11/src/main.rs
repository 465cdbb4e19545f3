//! Lesson 11: download a file larger than you would hold in memory, with a progress bar, a
//! checksum computed as it streams, and a resume after an interruption.
//!
//! ```text
//! cargo run -p lesson-11                               # 8 MiB, cut at 40%, then resumed
//! cargo run -p lesson-11 -- --size 1GiB --cut-at 0 --latency 0ms   # memory stays flat
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use indicatif::ProgressBar;
use lesson_11::{
    DownloadError, Downloaded, Progress, Start, download, download_client, expected_sha256, hex,
    part_path, peak_memory, progress_bar,
};
use lesson_support::api::format_duration;
use lesson_support::{ApiArgs, Error, Latency, exit_code};
use tokio::sync::Notify;

/// Download one file from the mock's `/files/{size}` route, a piece at a time: a first attempt
/// is cut short on purpose, and the second resumes where it stopped.
#[derive(Parser, Debug)]
struct Args {
    /// The file's size: bytes, or with a unit: `500KiB`, `8MiB`, `1GiB`, `10MB` (at most 1TiB).
    #[arg(long, value_name = "SIZE", default_value = "8MiB", value_parser = parse_size)]
    size: u64,

    /// Cut the first attempt short once this share of the file is in, to show the resume
    /// (0 to 99; 0 downloads in one go). Ctrl-C cuts any attempt short the same way.
    #[arg(long, value_name = "PERCENT", default_value_t = 40, value_parser = clap::value_parser!(u8).range(0..=99))]
    cut_at: u8,

    /// Where to save the file (default: `lesson-11/file-SIZE.bin` in the system's temporary
    /// folder). The bytes go to `PATH.part` until the last one is in.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,

    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock waits this long before each 64 KiB piece unless `--latency` says otherwise:
/// 8 MiB (128 pieces) take a little over a second, long enough to watch the bar.
const DEFAULT_LATENCY: Duration = Duration::from_millis(10);

fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size: a number of bytes, like 8MiB or 1000000"))?;
    let unit: u64 = match unit.trim() {
        "" | "B" => 1,
        "KB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        "TiB" => 1 << 40,
        other => {
            return Err(format!(
                "unknown unit `{other}`: use B, KB, MB, GB, KiB, MiB, GiB or TiB"
            ));
        }
    };
    number
        .checked_mul(unit)
        .filter(|&size| size <= mock_server::MAX_FILE_SIZE)
        .ok_or_else(|| "at most 1TiB: the mock serves files up to that size".to_owned())
}

fn main() -> ExitCode {
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => return exit_code(Err(err.into())),
    };
    exit_code(runtime.block_on(run(&args)))
}

async fn run(args: &Args) -> Result<(), Error> {
    let api = args.api.connect(Latency::Fixed(DEFAULT_LATENCY)).await?;
    let built_in = args.api.base_url.is_none();
    let client = download_client(&api.base_url)?;
    let url = format!("{}/files/{}", api.base_url, args.size);
    let dest = match &args.out {
        Some(path) => path.clone(),
        None => {
            let folder = std::env::temp_dir().join("lesson-11");
            std::fs::create_dir_all(&folder)
                .map_err(|err| format!("could not create {}: {err}", folder.display()))?;
            folder.join(format!("file-{}.bin", args.size))
        }
    };
    let part = part_path(&dest);
    println!("GET {url}\n  to {}\n", dest.display());

    // ANCHOR: cut
    // The first attempt, cut short on purpose once `--cut-at` percent is in: the download stops
    // between two pieces, exactly as it does on Ctrl-C, and the `.part` keeps what arrived.
    if args.cut_at > 0 && !part.exists() {
        let cut = Notify::new();
        let threshold = args.size * u64::from(args.cut_at) / 100;
        let mut bar = None;
        let outcome = download(&client, &url, &dest, cut.notified(), |progress| {
            show(&mut bar, progress);
            if progress.received >= threshold {
                cut.notify_one();
            }
        })
        .await;
        hide(bar);
        match outcome {
            Err(DownloadError::Cancelled { received, .. }) => println!(
                "attempt 1: cut short after {received} bytes ({}%), as a dropped connection or \
                 Ctrl-C would;\n  {} keeps them\n",
                received * 100 / args.size.max(1),
                part.display()
            ),
            Ok(downloaded) => println!(
                "attempt 1: finished before the cut ({} bytes)\n",
                downloaded.size
            ),
            Err(err) => return Err(err.into()),
        }
    }
    // ANCHOR_END: cut

    // The real attempt: resumes from the `.part` if there is one; Ctrl-C stops it cleanly.
    let started = Instant::now();
    let mut bar = None;
    let outcome = download(&client, &url, &dest, ctrl_c(), |progress| {
        show(&mut bar, progress);
    })
    .await;
    hide(bar);
    let downloaded = outcome?;
    report(&downloaded, started.elapsed(), built_in, args.size);
    Ok(())
}

/// Completes on Ctrl-C; never, if this system cannot listen for it.
async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Shows `progress` on the bar, made at the first report (when the size is known).
fn show(bar: &mut Option<ProgressBar>, progress: Progress) {
    bar.get_or_insert_with(|| progress_bar(progress.total))
        .set_position(progress.received);
}

fn hide(bar: Option<ProgressBar>) {
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
}

fn report(downloaded: &Downloaded, took: Duration, built_in: bool, size: u64) {
    let how = match downloaded.start {
        Start::Fresh => "from the first byte (200 OK)".to_owned(),
        Start::Resumed { from } => format!(
            "resumed: sent `Range: bytes={from}-`, the server answered \
             206 Partial Content,\n  and only the remaining {} bytes came",
            downloaded.size - from
        ),
        Start::Restarted { had } => format!(
            "started again: a .part of {had} bytes was there, but the server sent the whole file \
             (200 OK)"
        ),
    };
    let received = match downloaded.start {
        Start::Resumed { from } => downloaded.size - from,
        Start::Fresh | Start::Restarted { .. } => downloaded.size,
    };
    println!("attempt 2: {how}");
    println!(
        "  {} bytes in {} ({:.1} MiB/s)",
        downloaded.size,
        format_duration(took),
        received as f64 / (1 << 20) as f64 / took.as_secs_f64().max(0.001)
    );
    println!("  sha256 {}", hex(&downloaded.sha256));
    if built_in {
        let verdict = if downloaded.sha256 == expected_sha256(size) {
            "matches the file the mock serves"
        } else {
            "DOES NOT match the file the mock serves"
        };
        println!("  {verdict}");
    } else {
        println!("  compare it with the checksum the file's publisher gives");
    }
    if let Some(peak) = peak_memory() {
        println!(
            "  peak memory of this process: {:.1} MiB, whatever the file's size",
            peak as f64 / (1 << 20) as f64
        );
    }
}
