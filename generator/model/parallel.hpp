#pragma once
// Work over all cores: the reports of a build are independent, so each is one item, taken
// in order by the next free thread. Results go into slots by index, never in the order the
// threads finish, so the output is the same whatever the number of threads.
#include <cstddef>
#include <functional>

namespace rv::model {

// One thread per core (at least 1).
int default_jobs();

// Runs work(i) for every i in [0, count) on `jobs` threads, the calling thread being one of
// them. The first exception a work item throws stops the others from taking new items and is
// rethrown here once every thread has finished.
void for_each_index(std::size_t count, int jobs, const std::function<void(std::size_t)>& work);

}  // namespace rv::model
