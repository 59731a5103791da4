#!/bin/bash
# Run from the worktree root, after the product, bench/ and spark/ builds: on one generated
# corpus, in sequence, scan (2 threads), the Spark job in local[2] and Spark MLlib's
# MinHashLSH.approxSimilarityJoin (the bench's Spark peer, local[2], 5 tables, distance <= 0.9),
# each under /usr/bin/time -v with the load average before and after; then each one's pair
# recall and precision against the corpus's truth.jsonl (bench/scripts/pair-pr.py), and the job's
# report compared (cmp) with scan's.
#   C=corpus-100000-s42 bench/scripts/spark-vs-peers.sh
# HEAP (8g) is each JVM's -Xmx; MLLIB_TIMEOUT (2700 s) stops the MLlib join (rc 124), sooner
# when MLLIB_UNTIL (a time date -d reads) comes first.
set -u
C=${C:?C: a generated corpus folder, with articles/ and truth.jsonl}
W=${W:-/tmp/spark-vs-peers}
HEAP=${HEAP:-8g}
MLLIB_TIMEOUT=${MLLIB_TIMEOUT:-2700}
rm -rf $W
mkdir -p $W
FLAGS=$(sed -n 's:.*<spark.java17.flags>\(.*\)</spark.java17.flags>.*:\1:p' spark/pom.xml)
echo "corpus $C: $(cat $C/articles/*.jsonl | wc -l) articles, $(cat $C/articles/*.jsonl | wc -c) bytes; heap $HEAP; $(nproc) cores; $(date -u +%FT%TZ)"
t() { # name, command...
  local name=$1; shift
  local before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v "$@" > $W/$name.out 2> $W/$name.err
  local rc=$?
  local u=$(sed -n 's/^\s*User time (seconds): //p' $W/$name.err)
  local s=$(sed -n 's/^\s*System time (seconds): //p' $W/$name.err)
  echo "$name rc=$rc load before=$before after=$(cut -d' ' -f1-3 /proc/loadavg) cpu=$(echo "$u + $s" | bc) s;" \
    "$(grep -E 'Elapsed|Maximum resident' $W/$name.err | sed 's/^\s*//' | tr '\n' ';')"
}
t scan java -Xmx$HEAP -jar target/refrain.jar scan $C/articles --format jsonl --out $W/scan \
  --progress never --threads 2 --timings
t job java -Xmx$HEAP $FLAGS -cp "spark/target/refrain-spark.jar:spark/target/spark-lib/*" \
  dev.refrain.spark.SparkMain scan --master 'local[2]' --input $C/articles --output $W/job
if [ -n "${MLLIB_UNTIL:-}" ]; then
  left=$(( $(date -d "$MLLIB_UNTIL" +%s) - $(date +%s) ))
  [ $left -lt $MLLIB_TIMEOUT ] && MLLIB_TIMEOUT=$(( left > 60 ? left : 60 ))
fi
echo "mllib timeout $MLLIB_TIMEOUT s"
t mllib timeout $MLLIB_TIMEOUT java -Xmx$HEAP -Xlog:gc:file=$W/mllib.gc $FLAGS \
  -cp "bench/target/spark-lib/*:bench/target/refrain-bench.jar" dev.refrain.bench.peers.spark.SparkPeer \
  $C/articles $W/mllib.tsv 2 5 0.9 $W/mllib-tmp
rm -rf $W/mllib-tmp
echo "mllib: $(cat $W/mllib.out) $(grep -m1 -o 'OutOfMemoryError.*' $W/mllib.err)" \
  "last gc: $(tail -n 1 $W/mllib.gc 2>/dev/null)"
grep -h '^refrain: timings' $W/scan.err
grep -h -A 6 'articles, .* candidate pairs' $W/job.out
cmp $W/scan/report.jsonl $W/job/report.jsonl && echo "job report = scan's"
for x in scan/report.jsonl job/report.jsonl mllib.tsv; do
  [ -f $W/$x ] && echo "$x: $(python3 bench/scripts/pair-pr.py $W/$x $C/truth.jsonl)"
done
echo "end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
