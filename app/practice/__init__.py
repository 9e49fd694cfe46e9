"""Practice: drills that build the eight listening skills before the call comes. No flet.

app.practice.drills    Practice(guide, history): the object the Practice and Progress
                       screens call (start_quiz, start_walk, start_own_words, progress,
                       erase_history); Timing (timed mode, 10 s)
app.practice.quiz      "name the skill" questions from the guide's Say and Avoid phrases
app.practice.walk      the scenario walk's stairway meter and end summary
app.practice.classify  Classifier.classify(answer, said) -> Result(skill, confidence,
                       flags, feedback): rules, then the backstop; no network
app.practice.backstop  word weights learned from labelled answers (killer_words.txt,
                       shipped): a hedged flag for killers the rules miss
app.practice.rules     what the classifier looks for, laid out like the skills file
app.practice.scores    how much an answer looks like each skill (applies rules.py)
app.practice.killers   the rapport killers that take control (orders, threats, fixing...)
app.practice.dismissals  the ones that dismiss (minimising, judging, arguing...), with
                       app.practice.officer (making it about yourself)
app.practice.problems  promises, "why" and closed questions, too long
app.practice.speech    how a typed sentence opens, and the shapes of an order (shared)
app.practice.history   PracticeHistory(data_dir): results in their own TinyDB file
"""
