# Reference values for ExplorerIntegrationTests: the results explorer's per-question view and units
# compared, on the answers of src/test/resources/explorer/kiem-thu-answers.csv (template kiem-thu:
# diem, truc_tuyen_de, gop_y_xu_ly are the 5-point items of section "chung").
# Run: Rscript src/test/r/explorer.R   (R 4.2.2, survey 4.1.15)
suppressPackageStartupMessages(library(survey))
options(digits = 15, warn = -1)
d <- read.csv("src/test/resources/explorer/kiem-thu-answers.csv", na.strings = "NA", stringsAsFactors = FALSE)
show <- function(label, x) cat(sprintf("%-40s %s\n", label, paste(format(x, digits = 15), collapse = ", ")))

wilson <- function(p, n, level = 0.95) {
  z <- qnorm((1 + level) / 2)
  c(p + z^2 / (2 * n) - z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)),
    p + z^2 / (2 * n) + z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))) / (1 + z^2 / n)
}

# Per question, all 35 responses ------------------------------------------------------------
cat("== diem (5-point) ==\n")
show("counts 1..5", table(factor(d$diem, levels = 1:5)))
show("shares 1..5 (%)", 100 * prop.table(table(factor(d$diem, levels = 1:5))))
x <- sum(d$diem >= 4); n <- sum(!is.na(d$diem))
show("top-2 x, n", c(x, n))
show("prop.test(x, n, correct = FALSE) %", 100 * c(x / n, prop.test(x, n, correct = FALSE)$conf.int))
show("t.test(diem): mean, conf.int", c(mean(d$diem), t.test(d$diem)$conf.int))

cat("== kenh (single), gop_y (yes/no) ==\n")
show("kenh truc_tiep, truc_tuyen (n)", c(table(factor(d$kenh, levels = c("truc_tiep", "truc_tuyen"))), sum(!is.na(d$kenh))))
show("gop_y yes, no (n)", c(table(factor(d$gop_y, levels = c("yes", "no"))), sum(!is.na(d$gop_y))))
show("gop_y yes share %", 100 * mean(d$gop_y[!is.na(d$gop_y)] == "yes"))

cat("== cai_thien (multiple): share of respondents who chose each option ==\n")
ct <- d$cai_thien[!is.na(d$cai_thien)]
for (o in c("thai_do", "thoi_gian", "co_so")) {
  chose <- sapply(strsplit(ct, "|", fixed = TRUE), function(s) o %in% s)
  show(paste(o, "count, share %"), c(sum(chose), 100 * mean(chose)))
}

cat("== so_lan (number) ==\n")
s <- d$so_lan[!is.na(d$so_lan)]
show("n, mean, min, max", c(length(s), mean(s), min(s), max(s)))
show("quantile(type = 7) .25 .5 .75", quantile(s, c(0.25, 0.5, 0.75), type = 7))

# Per aspect: section chung -------------------------------------------------------------------
cat("== aspect chung ==\n")
items <- c("diem", "truc_tuyen_de", "gop_y_xu_ly")
aspect <- function(d) {
  v <- as.matrix(d[, items])
  m <- rowSums(!is.na(v)); a <- rowSums(v >= 4, na.rm = TRUE); s <- rowSums(v, na.rm = TRUE)
  r <- data.frame(m = m, a = a, avg = s / m)[m > 0, ]
  r
}
r <- aspect(d)
show("respondents, answers", c(nrow(r), sum(r$m)))
tt <- t.test(r$avg)
show("mean index 25(x-1), t interval", 25 * (c(mean(r$avg), tt$conf.int) - 1))
share <- function(r) {
  sr <- svyratio(~a, ~m, svydesign(ids = ~1, data = r))
  p <- coef(sr); v <- SE(sr)^2
  neff <- if (v > 0) p * (1 - p) / v else nrow(r)
  100 * c(p, wilson(p, neff))
}
show("satisfied answers % (svyratio, Wilson n.eff)", share(r))
cc <- d[complete.cases(d[, items]), items]
k <- length(items)
alpha <- k / (k - 1) * (1 - sum(apply(cc, 2, var)) / var(rowSums(cc)))
show("complete cases, Cronbach alpha", c(nrow(cc), alpha))

# Units compared (district = all five schools; S4 and S5 withheld, fewer than 5) -------------
cat("== units compared on aspect chung, share ==\n")
for (u in c("S1", "S2", "S3")) show(paste(u, "n, share, lower, upper"), c(nrow(aspect(d[d$unit == u, ])), share(aspect(d[d$unit == u, ]))))
cat("== units compared on diem, index 25(x-1) ==\n")
idx <- function(x) 25 * (c(mean(x), t.test(x)$conf.int) - 1)
show("district index", idx(d$diem))
for (u in c("S1", "S2", "S3")) show(paste(u, "index, lower, upper"), idx(d$diem[d$unit == u]))
