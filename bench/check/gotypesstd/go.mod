module goxide.bench/gotypesstd

go 1.27
