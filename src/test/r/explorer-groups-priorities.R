# Expected values of ExplorerGroupsIntegrationTests (issue 12: groups of respondents and
# where to act first), computed on the data set the test posts:
#   Rscript src/test/r/explorer-groups-priorities.R
d <- read.csv("src/test/resources/explorer/kham-pha.csv", stringsAsFactors = FALSE)
options(digits = 15)

cat("== d1 by nhom: groups c (12) and d (3) withheld (d < 5, then the smallest shown part, c), test over a, b\n")
ab <- d[d$nhom %in% c("a", "b"), ]
t1 <- table(factor(ab$nhom, levels = c("a", "b")), factor(ab$d1, levels = 1:5))
print(t1)
t1 <- t1[, colSums(t1) > 0, drop = FALSE]
x1 <- chisq.test(t1, correct = FALSE)
print(c(statistic = unname(x1$statistic), df = unname(x1$parameter), p = x1$p.value, min.expected = min(x1$expected)))
cat("top-2-box a:", mean(ab$d1[ab$nhom == "a"] >= 4), " b:", mean(ab$d1[ab$nhom == "b"] >= 4), "\n")

cat("== d1 by noi_tru (yes, no)\n")
t2 <- table(factor(d$noi_tru, levels = c("yes", "no")), factor(d$d1, levels = 1:5))
print(t2)
t2 <- t2[, colSums(t2) > 0, drop = FALSE]
x2 <- chisq.test(t2, correct = FALSE)
print(c(statistic = unname(x2$statistic), df = unname(x2$parameter), p = x2$p.value, min.expected = min(x2$expected),
    small = sum(x2$expected < 5)))

cat("== c2 by noi_tru ('na' left out)\n")
e <- d[d$c2 != "na", ]
t3 <- table(factor(e$noi_tru, levels = c("yes", "no")), factor(e$c2, levels = 1:5))
print(t3)
t3 <- t3[, colSums(t3) > 0, drop = FALSE]
x3 <- chisq.test(t3, correct = FALSE)
print(c(statistic = unname(x3$statistic), df = unname(x3$parameter), p = x3$p.value))

cat("== priorities: aspect means (mean of the respondent's answers to the aspect's items, 'na' left out)\n")
dich_vu <- (d$d1 + d$d2) / 2
c2 <- suppressWarnings(as.numeric(d$c2))
co_so <- rowMeans(cbind(d$c1, c2), na.rm = TRUE)
for (aspect in list(list("dich_vu", dich_vu), list("co_so", co_so))) {
  x <- aspect[[2]]
  tt <- t.test(x, conf.level = 0.95)
  ct <- cor.test(x, d$hl, conf.level = 0.95)
  cat(aspect[[1]], ": n", length(x), " mean", mean(x), " t interval", tt$conf.int,
      "\n   r", cor(x, d$hl), " Fisher interval", ct$conf.int, "\n")
}
