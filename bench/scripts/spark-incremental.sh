#!/bin/bash
# Run from the worktree root: the job in local[2] beside scan (2 threads) on the 10,000 articles
# of corpus-10000-s42 split 8,000 + 2,000, and the job over the 8,000 then the 2,000 with --previous.
set -u
W=${W:-/tmp/spark-incremental}
C=${C:-target/bench-work/corpus-10000-s42/articles}
mkdir -p $W/a $W/b
cat $C/part-00000.jsonl $C/part-00001.jsonl | head -n 8000 > $W/a/articles.jsonl
cat $C/part-00000.jsonl $C/part-00001.jsonl | tail -n 2000 > $W/b/articles.jsonl
FLAGS=$(sed -n 's:.*<spark.java17.flags>\(.*\)</spark.java17.flags>.*:\1:p' spark/pom.xml)
JOB="java -Xmx6g $FLAGS -cp spark/target/refrain-spark.jar:spark/target/spark-lib/* dev.refrain.spark.SparkMain scan --master local[2]"
t() { # name, command...
  local name=$1; shift
  rm -rf $W/$name
  /usr/bin/time -v "$@" > $W/$name.out 2> $W/$name.time
  echo "$name rc=$? load=$(cut -d' ' -f1-3 /proc/loadavg) $(grep -E 'Elapsed|User time|System time|Maximum resident' $W/$name.time | sed 's/^\s*//' | tr '\n' ';')"
}
for r in ${ROUNDS:-1 2}; do
  t scan-$r java -Xmx6g -jar target/refrain.jar scan $W/a $W/b --threads 2 --format jsonl --out $W/scan-$r --progress never
  t full-$r $JOB --input $W/a,$W/b --output $W/full-$r
  t first-$r $JOB --input $W/a --output $W/first-$r
  t added-$r $JOB --input $W/b --previous $W/first-$r --output $W/added-$r
  cmp $W/scan-$r/report.jsonl $W/full-$r/report.jsonl && echo "full-$r report = scan's"
  cmp $W/scan-$r/report.jsonl $W/added-$r/report.jsonl && echo "added-$r report = scan's"
  grep -h "added to\|articles," $W/added-$r.out $W/full-$r.out
  du -sb $W/a $W/b $W/full-$r/state $W/full-$r/report.jsonl $W/full-$r | tr '\n' ';'; echo
done
