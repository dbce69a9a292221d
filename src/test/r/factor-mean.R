# Reference values for the factor-mean (SIPAS) figure weighted by unit population:
# FactorIndexTests.matchesStratifiedSvycontrastInR and MultiTemplateIndicatorIntegrationTests.
# Rscript src/test/r/factor-mean.R   (R 4.2.2, survey 4.1.1)
suppressMessages(library(survey))
options(digits = 12, survey.lonely.psu = "certainty")

# Korn-Graubard as svyciprop(method = "beta") computes it, applied to a contrast:
# n* = th (1 - th) / v * (t(n - 1) / t(degf))^2, Clopper-Pearson on n* th of n*.
kg <- function(th, se, des, level = 0.95) {
  alpha <- 1 - level
  neff <- th * (1 - th) / se^2 * (qt(alpha / 2, nrow(des) - 1) / qt(alpha / 2, degf(des)))^2
  c(lower = qbeta(alpha / 2, neff * th, neff * (1 - th) + 1), upper = qbeta(1 - alpha / 2, neff * th + 1, neff * (1 - th)))
}

criteria <- function(d, k) {
  for (i in 1:k) {
    v <- d[[paste0("c", i)]]
    d[[paste0("x", i)]] <- as.numeric(!is.na(v))
    d[[paste0("y", i)]] <- ifelse(is.na(v), 0, as.numeric(v >= 4))
  }
  d
}

# 1. FactorIndexTests: the 14 respondents x 5 criteria of ANSWERS (NA for 0), factor A = c1, c2,
#    factor B = c3..c5; rows 1-6 are unit U1 (N = 40), rows 7-14 unit U2 (N = 25).
d <- read.csv(text = "c1,c2,c3,c4,c5
5,4,NA,3,4
4,4,5,5,5
2,NA,4,4,3
5,5,5,NA,4
3,4,2,2,NA
4,5,4,5,5
NA,NA,3,4,4
5,3,5,5,5
1,2,2,3,NA
4,4,4,4,4
5,NA,5,5,5
4,4,NA,NA,NA
2,3,3,4,2
5,5,4,NA,5")
d <- criteria(d, 5)
d$unit <- c(rep("U1", 6), rep("U2", 8))
d$N <- ifelse(d$unit == "U1", 40, 25)
des <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = d)
r <- svyratio(~y1 + y2 + y3 + y4 + y5, ~x1 + x2 + x3 + x4 + x5, des, covmat = TRUE)
ratios <- paste0("y", 1:5, "/x", 1:5)
cat("shares", coef(r)[ratios], "\n")
wa <- setNames(rep(0, 25), names(coef(r))); wa[ratios[1:2]] <- 1 / 2
wb <- setNames(rep(0, 25), names(coef(r))); wb[ratios[3:5]] <- 1 / 3
est <- svycontrast(r, list(A = wa, B = wb, overall = (wa + wb) / 2))
for (i in 1:3) {
  cat(names(coef(est))[i], coef(est)[i], "SE", SE(est)[i], kg(coef(est)[i], SE(est)[i], des), "\n")
}

# 2. MultiTemplateIndicatorIntegrationTests: parents of a primary school (phu-huynh-tieu-hoc,
#    N = 300) and of a lower secondary school (phu-huynh-trung-hoc, N = 200); each answers hl_chung
#    and tc1, and tc2 ("Không áp dụng" = NA). Indicator 9: satisfied-answers over all 5-point items;
#    indicator a: item hl_chung.
p <- read.csv(text = "unit,hl,tc1,tc2
TH,5,4,NA
TH,4,5,4
TH,4,3,NA
TH,2,2,3
TH,5,5,5
TH,4,4,NA
TH,3,4,4
THCS,5,5,4
THCS,3,2,NA
THCS,4,4,4
THCS,2,3,2
THCS,4,5,NA
THCS,5,4,5")
p$N <- ifelse(p$unit == "TH", 300, 200)
p$answers <- rowSums(!is.na(p[, c("hl", "tc1", "tc2")]))
p$satisfied <- rowSums(p[, c("hl", "tc1", "tc2")] >= 4, na.rm = TRUE)
p$hl4 <- as.numeric(p$hl >= 4)
pd <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = p)
rr <- svyratio(~satisfied, ~answers, pd)
cat("indicator 9 weighted", coef(rr), "SE", SE(rr), "\n")
# its interval: svyciprop(method = "beta") on one row per answer clustered in respondents
long <- do.call(rbind, lapply(seq_len(nrow(p)), function(i) {
  v <- unlist(p[i, c("hl", "tc1", "tc2")]); v <- v[!is.na(v)]
  data.frame(respondent = i, unit = p$unit[i], N = p$N[i], z = as.numeric(v >= 4))
}))
ld <- svydesign(ids = ~respondent, strata = ~unit, fpc = ~N, data = long)
ci <- svyciprop(~z, ld, method = "beta")
cat("indicator 9 svyciprop", coef(ci), attr(ci, "ci"), "\n")
cat("indicator 9 unweighted", sum(p$satisfied) / sum(p$answers), "\n")
hl <- svyciprop(~hl4, pd, method = "beta")
cat("indicator a weighted", coef(hl), attr(hl, "ci"), "\n")
cat("indicator a unweighted", mean(p$hl4), "\n")

# 3. FactorMeanIntegrationTests: 12 respondents x 6 criteria of sipas-tthc-giao-duc (tc1, tt1, tt4,
#    cc1, kq1, gy1; factors 1, 2, 2, 3, 4, 5), NA for "na" or unanswered; odd rows (1st, 3rd, ...)
#    answered for school 1 (N = 600), even rows for school 2 (N = 400).
s <- read.csv(text = "c1,c2,c3,c4,c5,c6
5,4,NA,5,4,5
4,5,4,4,5,3
2,3,NA,3,2,4
5,5,5,5,5,5
3,4,2,4,4,2
4,2,NA,5,4,4
5,4,4,4,3,5
1,2,1,2,2,NA
4,4,NA,4,4,4
5,5,5,5,5,5
3,3,3,3,4,3
4,5,NA,4,5,4")
s <- criteria(s, 6)
s$unit <- rep(c("S1", "S2"), 6)
s$N <- ifelse(s$unit == "S1", 600, 400)
sd <- svydesign(ids = ~1, strata = ~unit, fpc = ~N, data = s)
sr <- svyratio(~y1 + y2 + y3 + y4 + y5 + y6, ~x1 + x2 + x3 + x4 + x5 + x6, sd, covmat = TRUE)
sratios <- paste0("y", 1:6, "/x", 1:6)
factor <- c(1, 2, 2, 3, 4, 5)
contrasts <- lapply(1:5, function(f) {
  w <- setNames(rep(0, 36), names(coef(sr))); w[sratios[factor == f]] <- 1 / sum(factor == f); w
})
names(contrasts) <- paste0("F", 1:5)
contrasts$overall <- Reduce(`+`, contrasts) / 5
sest <- svycontrast(sr, contrasts)
for (i in seq_along(contrasts)) {
  cat(names(contrasts)[i], 100 * coef(sest)[i], "SE", 100 * SE(sest)[i], 100 * kg(coef(sest)[i], SE(sest)[i], sd), "\n")
}
