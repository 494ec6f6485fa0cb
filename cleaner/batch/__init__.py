"""`cleaner batch`: archive audits on Dask; imported only by the batch commands."""
