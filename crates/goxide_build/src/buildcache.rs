//! The go command's build cache (`GOCACHE`), as far as goxide writes to
//! it today: content-addressed output files (`cache.Put` of data and
//! `OutputFile`), as `go list -test` uses it for the generated
//! `_testmain.go`.
//!
//! An output is named by the SHA-256 of its content:
//! `GOCACHE/<first byte, hex>/<digest, hex>-d`. Storing writes that file
//! if it is not already there (same name, same content); index entries
//! (`-a` files) are not written.

use crate::sha256;

/// The cache file that holds `data` (`OutputFile(Put(data))`), created
/// if missing. `Err` is the go command's wording of the failure.
pub fn put_output(gocache: &str, data: &[u8]) -> Result<String, String> {
    if gocache.is_empty() || gocache == "off" {
        return Err("build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined".into());
    }
    let digest = sha256::sum(data);
    let hex = sha256::hex(&digest);
    let dir = format!("{gocache}/{}", &hex[..2]);
    let file = format!("{dir}/{hex}-d");
    if std::fs::metadata(&file).is_ok_and(|m| m.len() == data.len() as u64) {
        return Ok(file);
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("mkdir {dir}: {}", crate::os_error::errno_text(&e)))?;
    let tmp = format!("{file}.{}.tmp", std::process::id());
    std::fs::write(&tmp, data)
        .map_err(|e| format!("write {file}: {}", crate::os_error::errno_text(&e)))?;
    std::fs::rename(&tmp, &file)
        .map_err(|e| format!("write {file}: {}", crate::os_error::errno_text(&e)))?;
    Ok(file)
}
