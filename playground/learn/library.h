// library.h — the tours, challenges and quiz questions compiled into the playground
// (patterns/tours, patterns/challenges, patterns/quizzes, embedded like the gallery patterns),
// parsed once by the engine's loaders. Files that do not load are listed with their problems.
#pragma once

#include "challenge/challenge.h"
#include "challenge/quiz.h"
#include "challenge/tour.h"

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct TourEntry {
    std::string name;  // the pattern's file name, "rest-api"
    sim::challenge::Tour tour;
    std::string_view pattern_text;
};

struct ChallengeEntry {
    std::string id;
    sim::challenge::Challenge challenge;
};

struct QuizEntry {
    std::string id;
    sim::challenge::Quiz quiz;
};

// Deques: entries never move as fetched content is added (the running tour or challenge points
// at its own).
struct Library {
    std::deque<TourEntry> tours;
    std::deque<ChallengeEntry> challenges;
    std::deque<QuizEntry> quizzes;
    std::vector<std::string> problems;  // "patterns/tours/x.json: /steps/2/highlight: ..."
};

// Everything embedded and fetched so far (loaded on first use; fetched files are added as they
// arrive).
const Library& library();
const TourEntry* find_tour(std::string_view name);
const ChallengeEntry* find_challenge(std::string_view id);
const QuizEntry* find_quiz(std::string_view id);

}  // namespace pg
