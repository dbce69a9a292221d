# Reference values for ReportIntegrationTests, SurveyEstimatorTests and PeriodChangeTests: the
# answers of ReportScenario (template bao-cao: items a1, a2 in section a, b1 in section b).
# Run: Rscript src/test/r/report.R   (R 4.2.2, survey 4.1.1)
suppressPackageStartupMessages(library(survey))
options(digits = 15, warn = -1, survey.lonely.psu = "certainty")
show <- function(label, x) cat(sprintf("%-40s %s\n", label, paste(format(as.numeric(x), digits = 15), collapse = ", ")))

mk <- function(unit, N, n, a1, a2, b1) data.frame(unit = unit, N = N, a1 = rep(a1, n), a2 = rep(a2, n), b1 = rep(b1, n))
# 2025-Q1: schools S1 (N = 600), S2 (400), S3 (50)
d <- rbind(mk("S1", 600, 20, 5, 4, 4), mk("S1", 600, 16, 4, 3, 5), mk("S1", 600, 4, 2, 2, 1),
           mk("S2", 400, 27, 4, 4, 3), mk("S2", 400, 3, 3, 2, 2), mk("S3", 50, 3, 5, 5, 5))
# 2024-Q4: school S1 only
p <- rbind(mk("S1", 600, 28, 4, 4, 4), mk("S1", 600, 12, 2, 2, 2))
prep <- function(d, period) {
  d$period <- period; d$id <- paste(period, seq_len(nrow(d)))
  d$sat1 <- as.numeric(d$a1 >= 4); d$avg <- (d$a1 + d$a2 + d$b1) / 3; d$resp <- as.numeric(d$avg >= 4)
  d$a <- (d$a1 >= 4) + (d$a2 >= 4) + (d$b1 >= 4); d$m <- 3
  d
}
d <- prep(d, "2025-Q1"); p <- prep(p, "2024-Q4")
des <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = d)

cat("== item a1, satisfied-answers (one answer each) ==\n")
m <- svymean(~sat1, des, deff = TRUE)
show("weighted svymean coef, SE, deff", c(coef(m), SE(m), deff(m)))
show("n.eff", coef(m) * (1 - coef(m)) / vcov(m))
show("weighted svyciprop beta", attr(svyciprop(~sat1, des, method = "beta"), "ci"))
show("unweighted prop.test(66, 73)", prop.test(66, 73, correct = FALSE)$conf.int)

cat("== satisfied-respondents ==\n")
m <- svymean(~resp, des, deff = TRUE)
show("weighted svymean coef, SE, deff", c(coef(m), SE(m), deff(m)))
show("weighted svyciprop beta", attr(svyciprop(~resp, des, method = "beta"), "ci"))

cat("== mean-index (index = 25 (x - 1)) ==\n")
m <- svymean(~avg, des, deff = TRUE)
show("weighted svymean coef, SE, deff", c(coef(m), SE(m), deff(m)))
show("weighted confint", confint(m))
show("unweighted t.test(avg)", c(mean(d$avg), t.test(d$avg)$conf.int))

cat("== every item, satisfied-answers: one row per answer, clustered in respondents ==\n")
ans <- do.call(rbind, lapply(seq_len(nrow(d)), function(i) with(d[i, ],
  data.frame(id = id, unit = unit, N = N, sat = c(a1 >= 4, a2 >= 4, b1 >= 4) * 1))))
des_a <- svydesign(ids = ~id, strata = ~unit, fpc = ~N, data = ans)
m <- svymean(~sat, des_a, deff = TRUE)
show("svyratio(~a, ~m, des) coef, SE", { r <- svyratio(~a, ~m, des); c(coef(r), SE(r)) })
show("weighted svymean coef, SE, deff", c(coef(m), SE(m), deff(m)))
show("weighted svyciprop beta", attr(svyciprop(~sat, des_a, method = "beta"), "ci"))

cat("== S3 without a population: left out of the weighted figures ==\n")
des_l <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = subset(d, unit != "S3"))
m <- svymean(~sat1, des_l, deff = TRUE)
show("a1 weighted svymean coef, SE, deff", c(coef(m), SE(m), deff(m)))
show("a1 weighted svyciprop beta", attr(svyciprop(~sat1, des_l, method = "beta"), "ci"))

cat("== change from 2024-Q4 ==\n")
both <- rbind(d, p); both$stratum <- paste(both$period, both$unit)
des_b <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = both)
for (v in c("sat1", "resp")) {
  by <- svyby(as.formula(paste0("~", v)), ~period, des_b, svymean)
  ch <- svycontrast(by, c("2024-Q4" = -1, "2025-Q1" = 1))
  z <- coef(ch) / SE(ch)
  show(paste("weighted", v, "d, CI (z), p"), c(coef(ch), coef(ch) + c(-1, 1) * qnorm(0.975) * SE(ch), 2 * pnorm(-abs(z))))
}
by <- svyby(~avg, ~period, des_b, svymean)
ch <- svycontrast(by, c("2024-Q4" = -1, "2025-Q1" = 1))
show("weighted avg d, CI (z), p", c(coef(ch), coef(ch) + c(-1, 1) * qnorm(0.975) * SE(ch), 2 * pnorm(-abs(coef(ch) / SE(ch)))))
t <- prop.test(c(sum(d$sat1), sum(p$sat1)), c(nrow(d), nrow(p)), correct = FALSE)
show("unweighted a1 prop.test(c(66,28),c(73,40))", c(t$estimate[1] - t$estimate[2], t$conf.int, t$p.value))
t <- prop.test(c(sum(d$resp), sum(p$resp)), c(nrow(d), nrow(p)), correct = FALSE)
show("unweighted resp prop.test", c(t$estimate[1] - t$estimate[2], t$conf.int, t$p.value))
t <- t.test(d$avg, p$avg)
show("unweighted avg t.test (Welch)", c(t$estimate[1] - t$estimate[2], t$conf.int, t$p.value))

cat("== Cronbach's alpha of section a (a1, a2) over complete cases ==\n")
alpha <- function(x) { k <- ncol(x); k / (k - 1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x))) }
show("2025-Q1, 73 complete cases", alpha(d[, c("a1", "a2")]))
# 2025-Q2: S1 10 x (5, 4), 6 x (3, 3), 5 x (4, no a2: not a complete case); S2 8 x (2, 3), 4 x (4, 5)
q <- rbind(data.frame(a1 = rep(5, 10), a2 = 4), data.frame(a1 = rep(3, 6), a2 = 3),
           data.frame(a1 = rep(4, 5), a2 = NA), data.frame(a1 = rep(2, 8), a2 = 3),
           data.frame(a1 = rep(4, 4), a2 = 5))
complete <- q[complete.cases(q), ]
show("2025-Q2 complete cases, alpha", c(nrow(complete), alpha(complete)))
