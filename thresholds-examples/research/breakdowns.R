#!/usr/bin/env Rscript
# Reproduce two breakdowns of `thresholds batch --summary-json` from the CSV of
# `thresholds batch --format csv`: children by suggested tier (the lower end of the range) for each
# age band and for each time class (in hours, out of hours, weekend, bank holiday).
#
#   Rscript breakdowns.R results.csv
#
# Prints long-format CSV: breakdown,group,tier,children (tier 1 to 4, or out-of-scope).
# Base R only.
fail <- function(message) {
  cat("breakdowns.R: ", message, "\n", sep = "", file = stderr())
  quit(status = 1)
}
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) fail("usage: breakdowns.R RESULTS.csv")
path <- args[1]
if (dir.exists(path)) fail(paste0("cannot read ", path, ": it is a directory"))
if (!file.exists(path)) fail(paste0("cannot read ", path, ": no such file"))
rows <- tryCatch(read.csv(path, colClasses = "character", na.strings = "", row.names = NULL),
                 error = function(e) fail(paste0(path, " is not the CSV of `thresholds batch --format csv`")))
needed <- c("age_band", "time_class", "tier_min", "error_kind")
missing <- setdiff(needed, names(rows))
if (length(missing) > 0) {
  fail(paste0(path, " has no column ", paste(missing, collapse = ", "),
              ": give the CSV of `thresholds batch --format csv`"))
}
# The order of the groups in `--summary-json` (a group not listed here goes last).
order_of <- list(
  age_band = c("unborn", "under-1", "1-4", "5-9", "10-15", "16-17", "18-plus", "uncertain", "unknown"),
  time_class = c("in-hours", "out-of-hours", "weekend", "bank-holiday"))
tiers <- c("1", "2", "3", "4", "out-of-scope")
children <- rows[is.na(rows$error_kind), ]  # error rows stand for lines, not children
children$tier <- ifelse(is.na(children$tier_min), "out-of-scope", children$tier_min)
out <- NULL
for (b in list(c("tierByAgeBand", "age_band"), c("tierByTimeClass", "time_class"))) {
  counts <- as.data.frame(table(group = children[[b[2]]], tier = children$tier), stringsAsFactors = FALSE)
  counts <- counts[counts$Freq > 0, ]
  counts <- counts[order(match(counts$group, order_of[[b[2]]], nomatch = 1000), counts$group,
                         match(counts$tier, tiers, nomatch = 1000)), ]
  out <- rbind(out, data.frame(breakdown = b[1], group = counts$group, tier = counts$tier,
                               children = counts$Freq, stringsAsFactors = FALSE))
}
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
