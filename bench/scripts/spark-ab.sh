#!/bin/bash
# Run from the worktree root: two builds of the Spark job alternated on one corpus in local[2],
# each under /usr/bin/time -v, ROUNDS times; each report compared (cmp) with the first build's.
#   A=old/refrain-spark.jar B=spark/target/refrain-spark.jar C=corpus/articles bench/scripts/spark-ab.sh
set -u
W=${W:-/tmp/spark-ab}
A=${A:?A: the first build, a refrain-spark.jar}
B=${B:-spark/target/refrain-spark.jar}
C=${C:?C: an articles folder}
HEAP=${HEAP:-6g}
mkdir -p $W
FLAGS=$(sed -n 's:.*<spark.java17.flags>\(.*\)</spark.java17.flags>.*:\1:p' spark/pom.xml)
t() { # name, jar
  rm -rf $W/$1
  /usr/bin/time -v java -Xmx$HEAP $FLAGS -cp "$2:spark/target/spark-lib/*" dev.refrain.spark.SparkMain scan \
    --master 'local[2]' --input $C --output $W/$1 > $W/$1.out 2> $W/$1.time
  local rc=$?
  local u=$(sed -n 's/^\s*User time (seconds): //p' $W/$1.time) s=$(sed -n 's/^\s*System time (seconds): //p' $W/$1.time)
  echo "$1 rc=$rc load=$(cut -d' ' -f1-3 /proc/loadavg) cpu=$(echo "$u + $s" | bc) $(grep -E 'Elapsed|Maximum resident' $W/$1.time | sed 's/^\s*//' | tr '\n' ';')"
}
for r in $(seq 1 ${ROUNDS:-3}); do
  t a-$r $A
  t b-$r $B
  cmp $W/a-$r/report.jsonl $W/b-$r/report.jsonl && echo "round $r: b's report = a's"
done
