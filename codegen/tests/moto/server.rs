//! Runs `moto_server` on a free loopback port, and makes sure it never outlives the tests.
//!
//! A [`MotoServer`] kills its process when dropped. The test harness never drops statics, so
//! the server that the tests share ([`shared`]) is stopped two more ways: an `atexit` hook
//! kills it when the test binary exits (also after failed tests), and on Linux the process is
//! started with `PR_SET_PDEATHSIG`, so the kernel kills it if the test binary dies any other
//! way (a signal, an abort). Linux sends that signal when the *thread* that started the child
//! ends, so the shared server is started from a thread that lives as long as the process.

use std::fs::File;
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{mpsc, OnceLock};
use std::time::{Duration, Instant};

/// How long a fresh server gets to answer its first request.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// Where the tests look for `moto_server` when `MOTO_SERVER` is not set; `cargo xtask test`
/// installs it there (see `xtask/src/test.rs`).
const DEFAULT_EXECUTABLE: &str = "target/moto-venv/bin/moto_server";

/// A running `moto_server` process, killed on drop.
pub struct MotoServer {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl MotoServer {
    /// Starts a server on a free port of 127.0.0.1 and waits until it answers.
    pub fn start() -> Result<MotoServer, String> {
        let program = executable()?;
        // Another process can take the free port before moto binds it: try a few ports.
        let mut errors = Vec::new();
        for _ in 0..3 {
            match start_on(&program, free_port()?) {
                Ok(server) => return Ok(server),
                Err(e) => errors.push(e),
            }
        }
        Err(errors.join("\n\n"))
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The server that all tests of this binary share, started on first use.
///
/// Panics, in every test that asks, when it could not be started.
pub fn shared() -> &'static MotoServer {
    static SHARED: OnceLock<Result<MotoServer, String>> = OnceLock::new();
    let server = SHARED.get_or_init(|| {
        let (sender, receiver) = mpsc::channel();
        std::thread::Builder::new()
            .name("moto-server-parent".into())
            .spawn(move || {
                let _ = sender.send(MotoServer::start());
                // The parent-death signal fires when this thread ends: it never does.
                loop {
                    std::thread::park();
                }
            })
            .map_err(|e| format!("cannot start a thread: {e}"))?;
        let server = receiver.recv().map_err(|_| "the moto server thread died".to_owned())??;
        kill_at_exit(&server);
        Ok(server)
    });
    server.as_ref().unwrap_or_else(|e| panic!("{e}"))
}

/// The `moto_server` executable: `$MOTO_SERVER`, or the one `cargo xtask test` installs.
pub fn executable() -> Result<PathBuf, String> {
    let (path, origin) = match std::env::var_os("MOTO_SERVER") {
        Some(path) => (PathBuf::from(path), "MOTO_SERVER"),
        None => (repo_root().join(DEFAULT_EXECUTABLE), "the default location"),
    };
    if path.is_file() {
        return Ok(path);
    }
    Err(format!(
        "moto_server not found at {} ({origin}).\n\
         These tests run against the moto server (PyPI `moto[server]`, version pinned in \
         xtask/src/test.rs). Install it with `cargo xtask test`, which creates \
         target/moto-venv, or by hand:\n    \
         python3 -m venv target/moto-venv && target/moto-venv/bin/pip install \"moto[server]==<pinned version>\"\n\
         or set MOTO_SERVER to the path of a moto_server executable.",
        path.display()
    ))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("codegen is one level below the root").to_path_buf()
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| format!("no free port: {e}"))?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

fn start_on(program: &Path, port: u16) -> Result<MotoServer, String> {
    let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("moto-server-{port}.log"));
    let out = File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    let err = out.try_clone().map_err(|e| e.to_string())?;
    let mut command = Command::new(program);
    command
        .args(["--host", "127.0.0.1", "--port", &port.to_string()])
        // Makes VerifySoftwareToken and the SOFTWARE_TOKEN_MFA challenge check TOTP codes.
        .env("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true")
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err);
    die_with_parent(&mut command);
    let child = command.spawn().map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let mut server = MotoServer { child, port, log };
    let started = Instant::now();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into();
    loop {
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(format!("moto_server exited ({status}) before it answered:\n{}", server.log_tail()));
        }
        // A real request of the service, so that moto also loads its Cognito backend now.
        let probe = agent
            .post(&server.endpoint())
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
            .send(r#"{"MaxResults": 1}"#);
        if probe.is_ok_and(|r| r.status() == 200) {
            return Ok(server);
        }
        if started.elapsed() > READY_TIMEOUT {
            return Err(format!("moto_server did not answer within {READY_TIMEOUT:?}:\n{}", server.log_tail()));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl MotoServer {
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        format!("(log {}):\n{}", self.log.display(), lines[lines.len().saturating_sub(20)..].join("\n"))
    }
}

/// Asks the kernel to kill the child when the thread that spawns it ends (Linux only).
#[cfg(target_os = "linux")]
fn die_with_parent(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    let parent = std::process::id();
    // SAFETY: the closure runs between fork and exec and only makes two system calls, which
    // are async-signal-safe.
    unsafe {
        command.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // The parent may have died before the prctl: then nobody would kill us.
            if libc::getppid() as u32 != parent {
                return Err(std::io::Error::other("the test binary exited"));
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_parent(_command: &mut Command) {}

static SHARED_PID: AtomicI32 = AtomicI32::new(0);

/// Kills the shared server when the test binary exits normally, failed tests included.
fn kill_at_exit(server: &MotoServer) {
    extern "C" fn kill_shared_server() {
        let pid = SHARED_PID.swap(0, Ordering::SeqCst);
        if pid > 0 {
            // SAFETY: plain system calls on the id of a child that nothing else waits for.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::waitpid(pid, std::ptr::null_mut(), 0);
            }
        }
    }
    SHARED_PID.store(server.pid() as i32, Ordering::SeqCst);
    // SAFETY: registers a function without captured state; it only makes system calls.
    let registered = unsafe { libc::atexit(kill_shared_server) };
    assert_eq!(registered, 0, "cannot register the moto server's atexit hook");
}
