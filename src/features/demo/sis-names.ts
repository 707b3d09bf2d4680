/** Name and value pools for the synthetic district: common US names, so screens look believable. */
export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Charlotte", "James", "Ava", "William", "Isabella",
  "Benjamin", "Mia", "Lucas", "Evelyn", "Henry", "Harper", "Theodore", "Luna", "Jack", "Camila", "Levi", "Gianna", "Alexander",
  "Elizabeth", "Jackson", "Eleanor", "Mateo", "Ella", "Daniel", "Abigail", "Michael", "Sofia", "Mason", "Avery", "Sebastian",
  "Scarlett", "Ethan", "Emily", "Logan", "Aria", "Owen", "Penelope", "Samuel", "Chloe", "Jacob", "Layla", "Asher", "Mila",
  "Aiden", "Nora", "John", "Hazel", "Joseph", "Madison", "Wyatt", "Ellie", "David", "Lily", "Leo", "Nova", "Luke", "Isla",
  "Julian", "Grace", "Hudson", "Violet", "Grayson", "Aurora", "Matthew", "Riley", "Ezra", "Zoey", "Gabriel", "Willow", "Carter",
  "Emilia", "Isaac", "Stella", "Jayden", "Zoe", "Luca", "Victoria", "Anthony", "Hannah", "Dylan", "Addison", "Lincoln", "Leah",
  "Thomas", "Lucy", "Maverick", "Eliana", "Elias", "Ivy", "Josiah", "Everly", "Charles", "Lillian", "Caleb", "Paisley", "Christopher",
];
export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
  "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
  "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
  "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales",
  "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos",
  "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
  "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
];
export const PLACE_NAMES = [
  "Ballard", "Lincoln", "Jefferson", "Roosevelt", "Washington", "Franklin", "Madison", "Adams", "Garfield", "Hamilton", "Cedar",
  "Maple", "Oak Hill", "Riverside", "Lakeview", "Sunset", "Hillcrest", "Meadowbrook", "Pine Ridge", "Westwood", "Eastgate",
  "Northfield", "Southpoint", "Valley View", "Brookside", "Fairview", "Greenwood", "Highland", "Kennedy", "Mountain View",
];
/** US K-12 race/ethnicity shares (NCES, rounded). */
export const RACES: [string, number][] = [
  ["White", 0.45], ["Hispanic/Latino", 0.28], ["Black/African American", 0.15], ["Asian", 0.05], ["Two or more races", 0.05],
  ["American Indian/Alaska Native", 0.01], ["Native Hawaiian/Pacific Islander", 0.01],
];
export const LANGUAGES: [string, number][] = [["English", 0.78], ["Spanish", 0.15], ["Vietnamese", 0.015], ["Arabic", 0.015], ["Chinese", 0.015], ["Somali", 0.005], ["Russian", 0.01]];
/** Residence types of homeless students (McKinney-Vento, US ED 2021-22). */
export const HOMELESS: [string, number][] = [["Doubled-up", 0.75], ["Shelter", 0.14], ["Hotel/Motel", 0.06], ["Unsheltered", 0.05]];
/** Per-student prevalence of common chronic conditions in school health records. */
export const CONDITIONS: [string, number][] = [
  ["Asthma", 0.09], ["Food allergy", 0.08], ["ADHD", 0.06], ["Seasonal allergies", 0.05], ["Seizure disorder", 0.01], ["Type 1 diabetes", 0.003],
];
export const BEHAVIOR_TYPES = ["Tardiness", "Disruption", "Defiance", "Cell phone", "Fighting", "Bullying", "Truancy"];
export const COURSES = { elementary: ["Reading", "Math", "Science"], middle: ["English 7", "Math 7", "Science 7", "Social Studies"], high: ["English 10", "Algebra II", "Biology", "US History", "Spanish II"] };
