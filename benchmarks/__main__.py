"""`make bench`: every benchmark, one after the other."""

from benchmarks import bench_tick

bench_tick.main()
