"""What the benchmarks and the tests share: throwaway databases, bulk seeding, the labelled ask sets."""
