#!/usr/bin/env Rscript
# Reproduce two breakdowns of `thresholds batch --summary-json` from the CSV of
# `thresholds batch --format csv`: children by suggested tier (the lower end of the range) for each
# age band and for each time class (in hours, out of hours, weekend, bank holiday).
#
#   Rscript breakdowns.R results.csv
#
# Prints long-format CSV: breakdown,group,tier,children (tier 1 to 4, or out-of-scope).
# Base R only.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: breakdowns.R RESULTS.csv")
rows <- read.csv(args[1], colClasses = "character", na.strings = "")
children <- rows[is.na(rows$error_kind), ]  # error rows stand for lines, not children
children$tier <- ifelse(is.na(children$tier_min), "out-of-scope", children$tier_min)
out <- NULL
for (b in list(c("tierByAgeBand", "age_band"), c("tierByTimeClass", "time_class"))) {
  counts <- as.data.frame(table(group = children[[b[2]]], tier = children$tier), stringsAsFactors = FALSE)
  counts <- counts[counts$Freq > 0, ]
  out <- rbind(out, data.frame(breakdown = b[1], group = counts$group, tier = counts$tier,
                               children = counts$Freq, stringsAsFactors = FALSE))
}
out <- out[order(out$breakdown, out$group, out$tier), ]
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
