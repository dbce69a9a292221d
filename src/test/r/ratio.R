# Reference values for RatiosTests and SurveyEstimatorTests: the share of satisfied answers over
# units (strata) whose respondents (clusters) answer several items each.
# Run: Rscript src/test/r/ratio.R   (R 4.2.2, survey 4.1.1)
suppressPackageStartupMessages(library(survey))
options(warn = -1)
options(digits = 15, survey.lonely.psu = "certainty")

# Respondents: unit, unit population N (respondents), a = satisfied answers, m = answers.
mk <- function(unit, N, n, a, m) data.frame(unit = unit, N = N, a = rep(a, n), m = rep(m, n))
resp <- rbind(mk("S1", 600, 20, 3, 3), mk("S1", 600, 16, 2, 3), mk("S1", 600, 4, 0, 3),
              mk("S1", 600, 5, 1, 2), mk("S2", 400, 27, 2, 3), mk("S2", 400, 3, 0, 3),
              mk("S2", 400, 2, 1, 1), mk("S3", 50, 3, 3, 3))
resp$id <- seq_len(nrow(resp))
# The same as one row per answer, sat = 1 for a satisfied answer, clustered in respondents.
ans <- do.call(rbind, lapply(seq_len(nrow(resp)), function(i) with(resp[i, ],
  data.frame(id = id, unit = unit, N = N, sat = c(rep(1, a), rep(0, m - a))))))

show <- function(label, x) cat(sprintf("%-34s %s\n", label, paste(format(x, digits = 15), collapse = ", ")))

cat("== stratified by unit, finite-population correction ==\n")
des_r <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = resp)
r <- svyratio(~a, ~m, des_r, deff = TRUE)
show("svyratio coef, SE", c(coef(r), SE(r)))
show("svyratio deff (SRS of respondents)", attr(r, "deff"))
des_a <- svydesign(ids = ~id, strata = ~unit, fpc = ~N, data = ans)
m <- svymean(~sat, des_a, deff = TRUE)
show("svymean answers coef, SE", c(coef(m), SE(m)))
show("svymean answers deff", deff(m))
show("n.eff = p(1-p)/var", coef(m) * (1 - coef(m)) / vcov(m))
show("svyciprop beta 95%", attr(svyciprop(~sat, des_a, method = "beta"), "ci"))
show("svyciprop beta 90%", attr(svyciprop(~sat, des_a, method = "beta", level = 0.9), "ci"))

cat("== S3 without a population: left out of the weighted estimate ==\n")
des_l <- svydesign(ids = ~id, strata = ~unit, fpc = ~N, data = subset(ans, unit != "S3"))
m <- svymean(~sat, des_l, deff = TRUE)
show("svymean answers coef, SE", c(coef(m), SE(m)))
show("svymean answers deff", deff(m))
show("svyciprop beta 95%", attr(svyciprop(~sat, des_l, method = "beta"), "ci"))

cat("== no unit with a population: strata, no weights, no fpc ==\n")
des_n <- svydesign(ids = ~id, strata = ~unit, data = ans)
m <- svymean(~sat, des_n, deff = "replace")
show("svymean answers coef, SE", c(coef(m), SE(m)))
show("svymean answers deff replace", deff(m))
show("svyciprop beta 95%", attr(svyciprop(~sat, des_n, method = "beta"), "ci"))

cat("== pooled, without strata or weights (the unweighted figure) ==\n")
des_p <- svydesign(ids = ~id, data = ans)
m <- svymean(~sat, des_p, deff = "replace")
r <- svyratio(~a, ~m, svydesign(ids = ~1, data = resp))
show("svyratio coef, SE", c(coef(r), SE(r)))
show("svymean answers coef, SE", c(coef(m), SE(m)))
show("svymean answers deff replace", deff(m))
neff <- as.numeric(coef(m) * (1 - coef(m)) / vcov(m))
show("n.eff", neff)
show("Wilson on n.eff (prop.test)", suppressWarnings(prop.test(as.numeric(coef(m)) * neff, neff, correct = FALSE)$conf.int))
