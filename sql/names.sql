-- Names beyond the dictionary (issue 16): each query pins one mechanism.

-- an institution named with a lower-case head (a lower-case row of
-- diplo.name_head) and a proper name: the head is in the name (ORG)
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Une chercheuse de l''université de Kyoto a écrit au diocèse de Zorbach, puis à l''université Tarlowe.') ORDER BY start;

-- a capitalised common noun after the head is a function of some state
-- (ministère de la Défense), a demonym alone makes a common noun (armée
-- syrienne): no name
SELECT surface, entity, kind, actor, method
  FROM diplo.entities('Le ministère de la Défense et l''armée syrienne ont démenti, selon le gouvernement ukrainien.') ORDER BY start;
