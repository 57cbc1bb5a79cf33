"""`make bench`: every benchmark, one after the other."""

from benchmarks import bench_burst_slack, bench_tick

bench_tick.main()
bench_burst_slack.main()
