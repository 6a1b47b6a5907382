//! Files on disk, read and written so that nothing is lost: only regular files of a bounded
//! size are read (a FIFO or `/dev/zero` is refused before reading); a byte-order mark (as
//! Windows tools write it) is accepted and, like Windows line ends, kept when the file is saved
//! again; and every file is written atomically through a temporary file in the same folder,
//! keeping the old file's permissions and owner, writing through a symbolic link to its target
//! and into a hard-linked file in place, refusing a read-only file, and flushing the folder
//! after the rename.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::problem::{Location, Problem};

/// Largest scenario file read: 16 MiB. A national plan of all 552 provinces and kabupaten/kota
/// over 30 years is about 4 MiB (13 regions take 68 KB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

const BOM: char = '\u{feff}';

/// How a file's text was written, to be written the same way again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// Starts with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Lines end in `\r\n` (Windows) rather than `\n`.
    pub crlf: bool,
}

impl TextStyle {
    /// The style of `text` as read (its first line end decides).
    pub fn of(text: &str) -> Self {
        Self {
            bom: text.starts_with(BOM),
            crlf: text.find('\n').is_some_and(|i| text[..i].ends_with('\r')),
        }
    }

    /// `text` (with `\n` line ends) written in this style.
    pub fn apply(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 16 + 3);
        if self.bom {
            out.push(BOM);
        }
        if self.crlf {
            out.push_str(&text.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(text);
        }
        out
    }
}

fn file_problem(key: &'static str, detail: impl ToString) -> Problem {
    Problem::new(Location::File, key, vec![("detail", detail.to_string())])
}

/// What a file held when Lindung last read or wrote it, to notice a change made by someone
/// else: its length and a checksum of its bytes (CRC-32).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub crc: u32,
}

impl Stamp {
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            crc: crc32fast::hash(bytes),
        }
    }

    /// The stamp of the file at `path` now, if it can be read (at most [`MAX_FILE_BYTES`]).
    pub fn of_file(path: &Path) -> Option<Self> {
        read_bytes(path).ok().map(|bytes| Self::of(&bytes))
    }
}

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, Problem> {
    let meta = fs::metadata(path).map_err(|e| file_problem("problem.read", e))?;
    if !meta.is_file() {
        return Err(Problem::new(Location::File, "problem.not_a_file", vec![]));
    }
    let too_large = || {
        Problem::new(
            Location::File,
            "problem.too_large",
            vec![("limit", (MAX_FILE_BYTES / (1024 * 1024)).to_string())],
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let file = fs::File::open(path).map_err(|e| file_problem("problem.read", e))?;
    // The file may grow while it is read: never read more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| file_problem("problem.read", e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The text of a scenario file (without its byte-order mark), how it was written, and its
/// stamp.
pub fn read_text(path: &Path) -> Result<(String, TextStyle, Stamp), Problem> {
    let bytes = read_bytes(path)?;
    let stamp = Stamp::of(&bytes);
    let text = String::from_utf8(bytes)
        .map_err(|_| Problem::new(Location::File, "problem.not_utf8", vec![]))?;
    let style = TextStyle::of(&text);
    let text = match text.strip_prefix(BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok((text, style, stamp))
}

/// The style of the file at `path` if there is one (a new file gets `\n` and no mark).
pub fn style_of_existing(path: &Path) -> TextStyle {
    let mut head = [0u8; 4096];
    let read = fs::File::open(path).and_then(|mut f| f.read(&mut head));
    match read {
        Ok(n) => TextStyle::of(&String::from_utf8_lossy(&head[..n])),
        Err(_) => TextStyle::default(),
    }
}

/// Where writing to `path` really writes: the target of a symbolic link (followed to the end),
/// or `path` itself.
fn real_target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

/// Writes `bytes` to `path` so that a crash or a full disk never leaves a cut-off file: to a
/// temporary file in the same folder, flushed, given the old file's permissions (and owner,
/// where allowed), renamed over it, and the folder flushed. A read-only file is refused; a
/// file with more than one hard link is written in place (after the same text was written and
/// flushed to a temporary file, so that a full disk fails before the file is touched), so that
/// every link keeps seeing it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<Stamp, Problem> {
    let target = real_target(path);
    let existing = fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(Problem::new(Location::File, "problem.not_a_file", vec![]));
        }
        if meta.permissions().readonly() {
            return Err(Problem::new(Location::File, "problem.read_only", vec![]));
        }
    }
    let write = |e: std::io::Error| file_problem("problem.write", e);
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut temp = new_file_in(&folder).map_err(write)?;
    temp.write_all(bytes).map_err(write)?;
    temp.as_file().sync_all().map_err(write)?;
    if let Some(meta) = &existing {
        if hard_links(meta) > 1 {
            // Every name of the file must see the new text: write into the file itself.
            let mut file = fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(&target)
                .map_err(write)?;
            file.write_all(bytes).map_err(write)?;
            file.sync_all().map_err(write)?;
            return Ok(Stamp::of(bytes));
        }
        fs::set_permissions(temp.path(), meta.permissions()).map_err(write)?;
        keep_owner(temp.path(), meta);
    }
    temp.persist(&target).map_err(|e| write(e.error))?;
    sync_folder(&folder);
    Ok(Stamp::of(bytes))
}

/// A temporary file in `folder` with the permissions any new file gets there (read and write
/// for everyone the user's umask allows, as an editor would create it), not tempfile's 0600:
/// a new scenario in a shared folder stays readable by colleagues.
fn new_file_in(folder: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    #[cfg(unix)]
    let builder = {
        let mut builder = tempfile::Builder::new();
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        builder
    };
    #[cfg(not(unix))]
    let builder = tempfile::Builder::new();
    builder.tempfile_in(folder)
}

#[cfg(unix)]
fn hard_links(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &fs::Metadata) -> u64 {
    1
}

/// Gives the new file the old one's owner and group: the group where the user may (one of the
/// user's groups), the owner only when running as an administrator; otherwise it stays the
/// user's, as any new file would.
#[cfg(unix)]
fn keep_owner(path: &Path, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::chown(path, Some(meta.uid()), Some(meta.gid())).is_err() {
        std::os::unix::fs::chown(path, None, Some(meta.gid())).ok();
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &fs::Metadata) {}

/// Flushes the folder's entry for the renamed file to disk (on Windows the rename itself is
/// durable once it returns).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(folder) {
        dir.sync_all().ok();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// `path` from the file system's root, so that it names the same file from any folder.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Whether two paths name the same file (the same file reached by another name, a link, or a
/// relative path included).
pub fn same_file(a: &Path, b: &Path) -> bool {
    same_file::is_same_file(a, b).unwrap_or(false)
}
