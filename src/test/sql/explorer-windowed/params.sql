-- The binds of the explorer's windowed queries for the data of load.sql (sections s1-s5 of 4, 4, 4, 3, 2 items).
\set campaigns '''{1}''::bigint[]'
\set units '''{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100}''::bigint[]'
\set since '''2026-10-01''::timestamptz'
\set until '''2026-12-01''::timestamptz'
\set items '''{q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,q13,q14,q15,q16,q17}''::text[]'
\set measures '''{section:s1,section:s1,section:s1,section:s1,section:s2,section:s2,section:s2,section:s2,section:s3,section:s3,section:s3,section:s3,section:s4,section:s4,section:s4,section:s5,section:s5}''::text[]'
\set sizes '''{4,4,4,4,4,4,4,4,4,4,4,4,3,3,3,2,2}''::int[]'
