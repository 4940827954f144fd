"""The four pipelines of the original lab as plain functions over a Store. No Qt here."""
