// library.h — the tours, challenges and quiz questions compiled into the playground
// (patterns/tours, patterns/challenges, patterns/quizzes, embedded like the gallery patterns),
// parsed once by the engine's loaders. Files that do not load are listed with their problems.
#pragma once

#include "challenge/challenge.h"
#include "challenge/quiz.h"
#include "challenge/tour.h"

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

struct Library {
    std::vector<TourEntry> tours;
    std::vector<ChallengeEntry> challenges;
    std::vector<QuizEntry> quizzes;
    std::vector<std::string> problems;  // "patterns/tours/x.json: /steps/2/highlight: ..."
};

// Everything embedded (loaded on first use).
const Library& library();
const TourEntry* find_tour(std::string_view name);
const ChallengeEntry* find_challenge(std::string_view id);
const QuizEntry* find_quiz(std::string_view id);

}  // namespace pg
